/** The environment a command works on when none is named: the embedded demo (sim nodes). */
export const DEFAULT_ENV_DIR = 'environments/demo';
