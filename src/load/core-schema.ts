// js-yaml's YAML 1.2 core schema, read faster and to the same values. Every plain
// scalar, mapping keys included, is offered to each implicit type of the schema in turn
// (null, bool, int, float); the float type tries a regular expression on all of them,
// which cost about a tenth of reading a large fleet (issue 14). Here it is asked only
// about scalars that can start a float at all: every form the core schema reads as a
// float (`1.5`, `-2e3`, `+.5`, `.inf`, `.nan`) starts with one of `-+.0123456789`. The
// other types, their order and their constructors are js-yaml's own.
import { CORE_SCHEMA, FAILSAFE_SCHEMA, Type, type Schema, type TypeConstructorOptions } from 'js-yaml';

/** What js-yaml keeps on a schema and a type at run time, beyond its published typings. */
interface SchemaLists {
  implicit: TypeInternals[];
}
interface TypeInternals extends Type {
  tag: string;
  options: TypeConstructorOptions;
}

export const FLOAT_TAG = 'tag:yaml.org,2002:float';

/** Whether a plain scalar's first character can start a core-schema float. */
export function canStartFloat(data: string | null): boolean {
  if (data === null || data.length === 0) return false;
  const c = data.charCodeAt(0);
  return c === 0x2d || c === 0x2b || c === 0x2e || (c >= 0x30 && c <= 0x39);
}

function withFloatPrefilter(type: TypeInternals): Type {
  if (type.tag !== FLOAT_TAG) return type;
  const resolve = type.resolve.bind(type);
  return new Type(type.tag, {
    ...type.options,
    resolve: (data: string | null) => canStartFloat(data) && resolve(data),
  });
}

/** The core schema with the float type's prefilter; reads every text to what CORE_SCHEMA reads. */
export const CORE_SCHEMA_FAST: Schema = FAILSAFE_SCHEMA.extend({
  implicit: (CORE_SCHEMA as unknown as SchemaLists).implicit.map(withFloatPrefilter),
});
