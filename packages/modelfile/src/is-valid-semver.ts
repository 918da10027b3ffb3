// golang.org/x/mod/semver IsValid: vMAJOR[.MINOR[.PATCH[-PRERELEASE][+BUILD]]], no leading zeros
const semver =
  /^v(0|[1-9]\d*)(?:\.(0|[1-9]\d*)(?:\.(0|[1-9]\d*)(?:-(?:0|[1-9]\d*|\d*[A-Za-z-][0-9A-Za-z-]*)(?:\.(?:0|[1-9]\d*|\d*[A-Za-z-][0-9A-Za-z-]*))*)?(?:\+[0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*)?)?)?$/;

/** The REQUIRES value as Ollama stores it (without "v"), or undefined when Ollama rejects it. */
export function normalizeRequires(value: string): string | undefined {
  const version = value.startsWith('v') ? value : `v${value}`;
  return semver.test(version) ? version.slice(1) : undefined;
}
