// Rules enforced while reading the files (YAML, loader) and by the JSON Schema. They
// have no check function here; they are catalogued so every id that tandem can print
// is documented in docs/rules.md.
import { defineRule } from './rule.js';

export const inputRules = [
  defineRule({
    id: 'YAML001',
    severity: 'error',
    enforcedBy: 'loader',
    title: 'The file is valid YAML 1.2 (no syntax errors, no tab indentation)',
    rationale: 'A file that does not parse cannot be reviewed or applied.',
    reference: 'YAML 1.2',
  }),
  defineRule({
    id: 'YAML002',
    severity: 'error',
    enforcedBy: 'loader',
    title: 'No mapping repeats a key',
    rationale: 'With a repeated key one value silently wins; the reviewer may read the other.',
    reference: 'YAML 1.2 (keys are unique)',
  }),
  defineRule({
    id: 'YAML003',
    severity: 'error',
    enforcedBy: 'loader',
    title: 'Alias expansion is bounded (no "billion laughs")',
    rationale: 'Nested aliases can expand to gigabytes and stall the reconciler on every node.',
    reference: 'CVE class "billion laughs"; yaml maxAliasCount',
  }),
  defineRule({
    id: 'YAML004',
    severity: 'error',
    enforcedBy: 'loader',
    title:
      'Only YAML 1.2 core-schema values: no tags (!!omap, !!set, !!binary, !!timestamp, !foo), ' +
      'no directive but %YAML 1.2',
    rationale:
      'A tagged value is read differently by different YAML readers (an !!omap became an empty mapping ' +
      'and silently dropped its contents); plain values mean the same everywhere.',
    reference: 'YAML 1.2 core schema',
  }),
  defineRule({
    id: 'LOAD001',
    severity: 'error',
    enforcedBy: 'loader',
    title: 'The environment folder exists and holds YAML files',
    rationale: 'An empty or unreadable desired state must never be read as "delete everything".',
    reference: 'docs/apply.md (pruning: only with --prune)',
  }),
  defineRule({
    id: 'LOAD002',
    severity: 'error',
    enforcedBy: 'loader',
    title: 'Each file is at most 16 MiB',
    rationale: 'Bounds the memory a hostile or generated file can take.',
    reference: 'tandem resource limits',
  }),
  defineRule({
    id: 'LOAD003',
    severity: 'error',
    enforcedBy: 'loader',
    title: 'kind and metadata.name are unique across the environment',
    rationale: 'Two definitions of one object leave it ambiguous which one is desired.',
    reference: 'docs/decisions.md (Desired-state format)',
  }),
  defineRule({
    id: 'LOAD004',
    severity: 'error',
    enforcedBy: 'loader',
    title: 'Exactly one Cluster document per environment',
    rationale: 'Segments, defaults and rollout limits come from the one Cluster.',
    reference: 'docs/decisions.md (Desired-state format)',
  }),
  defineRule({
    id: 'LOAD005',
    severity: 'error',
    enforcedBy: 'loader',
    title:
      'Every entry named *.yaml or *.yml directly in the environment folder is a regular file ' +
      '(not a symbolic link, folder, FIFO, socket, device or git submodule)',
    rationale:
      'The working tree, a git revision and a pull-request preview must read the same documents; an entry ' +
      'one of them skipped would be a desired state that silently differs (reconcile deleting what validate read).',
    reference: 'docs/decisions.md (Reading an environment)',
  }),
  defineRule({
    id: 'LOAD006',
    severity: 'error',
    enforcedBy: 'loader',
    title: 'Every YAML file of the environment can be read, under a name that is valid UTF-8',
    rationale: 'A file that cannot be read is part of the desired state all the same; leaving it out is never safe.',
    reference: 'docs/decisions.md (Reading an environment)',
  }),
  defineRule({
    id: 'LOAD007',
    severity: 'error',
    enforcedBy: 'loader',
    title: 'Lists and mappings nest at most 64 levels deep',
    rationale: 'Deeper nesting is never a real document and would exhaust the parser stack.',
    reference: 'tandem resource limits',
  }),
  defineRule({
    id: 'LOAD008',
    severity: 'error',
    enforcedBy: 'loader',
    title: 'At most 50 diagnostics are listed per file; the rest are counted in one',
    rationale: 'Ten thousand mistakes in one file are one mistake repeated; listing them all floods the terminal.',
    reference: 'tandem resource limits',
  }),
  defineRule({
    id: 'SCHEMA',
    severity: 'error',
    enforcedBy: 'schema',
    title: 'Every document matches schema/tandem.schema.json (types, required and unknown fields, enums, ranges)',
    rationale: 'A strict format catches typos (an unknown field is an error, not ignored).',
    reference: 'schema/tandem.schema.json',
  }),
  defineRule({
    id: 'ADDR001',
    severity: 'error',
    enforcedBy: 'schema',
    title: 'Addresses and prefixes are valid (IPv4 dotted decimal, IPv6, prefix length in range)',
    rationale: 'The kernel would reject the address or, worse, read a shorthand form differently.',
    reference: 'ip-address(8); RFC 4632, RFC 4291',
  }),
  defineRule({
    id: 'NAME002',
    severity: 'error',
    enforcedBy: 'schema',
    title: "Interface names are valid Linux names: 1 to 15 bytes, no '/', ':' or whitespace",
    rationale:
      'The kernel limits names to IFNAMSIZ-1 bytes; names reach ip(8) as arguments and must not carry metacharacters.',
    reference: 'Linux dev_valid_name(); NonStop CIP manual (CIP interface configuration)',
  }),
] as const;
