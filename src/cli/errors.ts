// Outcomes that end a command with a given exit code. One handler in main.ts maps
// them; anything else that escapes is a bug and is reported as one.
export const EXIT = { ok: 0, error: 1, changes: 2, refused: 3 } as const;

export class ExitError extends Error {
  constructor(
    message: string,
    readonly exitCode: number = EXIT.error,
  ) {
    super(message);
  }
}
