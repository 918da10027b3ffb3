/**
 * The model a new chat starts with: the one the last chat used if it is still installed, else the first
 * installed model that is not an embedding model (by name or family: /api/tags carries no capabilities).
 */
export const pickDefaultModel = (
  installed: readonly { name: string; details?: { family?: string | null } | null }[],
  lastUsed?: string,
): string | undefined => {
  if (lastUsed && installed.some((model) => model.name === lastUsed)) return lastUsed;
  const chatty = installed.find(
    (model) => !/embed/i.test(model.name) && !/bert/i.test(model.details?.family ?? ''),
  );
  return (chatty ?? installed[0])?.name;
};
