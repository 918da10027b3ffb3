import { parseBytes } from '../format/bytes.js';
import type { ModelRow } from './model-row.js';

/**
 * One alternative of a filter term:
 * - text: a case-insensitive substring of name, family, quantisation, parameter size, tags or note
 * - size: `size>4g`, `size<500mb`, `size>=1.5gb`
 * - family: `family:llama`; capability: `cap:vision` (also the bare words vision, tools, thinking, embedding)
 * - flag: `is:loaded`, `is:fav`, `is:outdated`; tag: `tag:work`
 * A leading `-` negates an alternative.
 */
export type FilterAtom =
  | { readonly kind: 'text'; readonly text: string; readonly negate: boolean }
  | {
      readonly kind: 'size';
      readonly operator: '<' | '<=' | '>' | '>=' | '=';
      readonly bytes: number;
      readonly negate: boolean;
    }
  | { readonly kind: 'family'; readonly family: string; readonly negate: boolean }
  | { readonly kind: 'capability'; readonly capability: string; readonly negate: boolean }
  | { readonly kind: 'tag'; readonly tag: string; readonly negate: boolean }
  | {
      readonly kind: 'flag';
      readonly flag: 'loaded' | 'favourite' | 'outdated';
      readonly negate: boolean;
    };

/** A parsed filter: every term must match (AND); a term matches when any alternative does (OR). */
export type Filter = readonly (readonly FilterAtom[])[];

const capabilityWords = new Set([
  'vision',
  'tools',
  'thinking',
  'embedding',
  'completion',
  'insert',
]);
const flagWords: Record<string, 'loaded' | 'favourite' | 'outdated'> = {
  loaded: 'loaded',
  fav: 'favourite',
  favourite: 'favourite',
  favorite: 'favourite',
  outdated: 'outdated',
};

function parseAtom(raw: string): FilterAtom {
  const negate = raw.startsWith('-') && raw.length > 1;
  const text = (negate ? raw.slice(1) : raw).toLowerCase();
  const size = /^size(<=|>=|<|>|=)(.+)$/u.exec(text);
  if (size) {
    const bytes = parseBytes(size[2] ?? '');
    if (bytes !== undefined) {
      return { kind: 'size', operator: size[1] as '<' | '<=' | '>' | '>=' | '=', bytes, negate };
    }
  }
  const [prefix, ...rest] = text.split(':');
  const value = rest.join(':');
  if (value) {
    if (prefix === 'family' || prefix === 'f') return { kind: 'family', family: value, negate };
    if (prefix === 'cap' || prefix === 'capability')
      return { kind: 'capability', capability: value, negate };
    if (prefix === 'tag') return { kind: 'tag', tag: value, negate };
    if (prefix === 'is' && flagWords[value])
      return { kind: 'flag', flag: flagWords[value], negate };
  }
  if (capabilityWords.has(text)) return { kind: 'capability', capability: text, negate };
  return { kind: 'text', text, negate };
}

/** Parses `a b` (AND), `a|b` (OR) and field filters; an empty string is the empty filter (all rows). */
export function parseFilter(query: string): Filter {
  return query
    .trim()
    .split(/\s+/u)
    .filter((term) => term !== '')
    .map((term) =>
      term
        .split('|')
        .filter((alternative) => alternative !== '')
        .map(parseAtom),
    )
    .filter((alternatives) => alternatives.length > 0);
}

function compareSize(bytes: number, operator: string, limit: number): boolean {
  switch (operator) {
    case '<':
      return bytes < limit;
    case '<=':
      return bytes <= limit;
    case '>':
      return bytes > limit;
    case '>=':
      return bytes >= limit;
    default:
      return bytes === limit;
  }
}

function atomMatches(row: ModelRow, atom: FilterAtom): boolean {
  let result: boolean;
  switch (atom.kind) {
    case 'text': {
      const haystack = [
        row.name,
        row.family,
        row.quantization,
        row.parameterSize,
        row.note,
        ...row.tags,
      ]
        .join('\n')
        .toLowerCase();
      result = haystack.includes(atom.text);
      break;
    }
    case 'size':
      result = compareSize(row.sizeBytes, atom.operator, atom.bytes);
      break;
    case 'family':
      result = row.family.toLowerCase().includes(atom.family);
      break;
    case 'capability':
      result = row.capabilities.some((capability) => capability.toLowerCase() === atom.capability);
      break;
    case 'tag':
      result = row.tags.some((tag) => tag.toLowerCase() === atom.tag);
      break;
    case 'flag':
      result =
        atom.flag === 'loaded'
          ? row.loaded
          : atom.flag === 'favourite'
            ? row.favourite
            : row.outdated;
      break;
  }
  return atom.negate ? !result : result;
}

/** The rows that match every term of the filter. */
export function filterRows(rows: readonly ModelRow[], filter: Filter): ModelRow[] {
  return rows.filter((row) =>
    filter.every((alternatives) => alternatives.some((atom) => atomMatches(row, atom))),
  );
}
