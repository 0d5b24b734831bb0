// `tandem show ENV_DIR [--node N] [--format text|json|yaml]`: the observed state of
// each node, or its error; exit 1 if any node could not be observed.
import { renderObservationsJson, renderObservationsText, renderObservationsYaml } from '../../render/observed.js';
import { styleFor } from '../../render/style.js';
import { EXIT } from '../errors.js';
import type { CliIO } from '../io.js';
import { observeEnvironment, type ObserveSourceOptions } from './observe.js';

export interface ShowCommandOptions extends ObserveSourceOptions {
  format: 'text' | 'json' | 'yaml';
}

export async function showCommand(dir: string, opts: ShowCommandOptions, io: CliIO): Promise<number> {
  const observations = await observeEnvironment(dir, opts, io);
  const text =
    opts.format === 'json'
      ? renderObservationsJson(observations)
      : opts.format === 'yaml'
        ? renderObservationsYaml(observations)
        : renderObservationsText(observations, styleFor(io.stdout, io.env));
  io.stdout.write(text);
  return observations.every((o) => o.ok) ? EXIT.ok : EXIT.error;
}
