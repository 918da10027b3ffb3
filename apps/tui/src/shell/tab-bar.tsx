import { Text } from 'ink';
import { useTheme } from '../theme.js';
import { type TabId, tabs } from './tabs.js';

/** The tab strip: `1 Models  2 Chat …`, the active tab bold and inverse (visible without colour). */
export function TabBar(props: { active: TabId }) {
  const theme = useTheme();
  return (
    <Text wrap="truncate">
      <Text bold color={theme.text.accent}>
        ollamamon{' '}
      </Text>
      {tabs.map((tab) => {
        const active = tab.id === props.active;
        return (
          <Text
            key={tab.id}
            bold={active}
            inverse={active}
            dimColor={!tab.available}
            color={active ? theme.tab.active : theme.tab.inactive}
          >
            {` ${tab.key} ${tab.title} `}
          </Text>
        );
      })}
    </Text>
  );
}
