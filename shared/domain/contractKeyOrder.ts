// One key order for a value the contract describes, whatever order its keys were stored in. PostgreSQL's jsonb gives an
// object's keys back in its own order (shorter keys first) and SQLite's JSON text gives them as they were written, so
// an export written from stored rows would differ between the engines by the order of keys alone (issue 17).
import type { z } from 'zod';

type Schema = z.core.$ZodType;
type PlainObject = Record<string, unknown>;

const isPlainObject = (value: unknown): value is PlainObject => value !== null && typeof value === 'object' && !Array.isArray(value);
const byCodeUnit = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** A value no schema describes (an opinion's body), its objects' keys sorted at every depth. */
function sortedKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortedKeys);
  if (!isPlainObject(value)) return value;
  return Object.fromEntries(Object.keys(value).sort(byCodeUnit).map((key) => [key, sortedKeys(value[key])]));
}

/** The schema a value is checked by once wrappers (optional, nullable, default, pipe…) are looked through. */
function unwrapped(schema: Schema): Schema {
  const def = schema._zod.def;
  switch (def.type) {
    case 'optional':
    case 'nullable':
    case 'default':
    case 'prefault':
    case 'nonoptional':
    case 'readonly':
    case 'catch':
      return unwrapped((def as unknown as { innerType: Schema }).innerType);
    case 'pipe':
      return unwrapped((def as unknown as { in: Schema }).in);
    case 'lazy':
      return unwrapped((def as unknown as { getter: () => Schema }).getter());
    default:
      return schema;
  }
}

/** Of a union's members, the one a value of this shape was read by: an object by the object whose keys hold all of it. */
function unionMember(options: readonly Schema[], value: unknown): Schema | undefined {
  const members = options.map(unwrapped);
  if (Array.isArray(value)) return members.find((member) => member._zod.def.type === 'array');
  if (!isPlainObject(value)) return undefined;
  const objects = members.filter((member) => member._zod.def.type === 'object' || member._zod.def.type === 'record');
  const fitting = objects.find(
    (member) => member._zod.def.type === 'object' && Object.keys(value).every((key) => Object.hasOwn((member as z.ZodObject).shape, key)),
  );
  return fitting ?? objects[0];
}

/**
 * The value with every object's keys in one order: an object's in its schema's order (keys it does not know after them,
 * sorted), a record's and an unknown value's sorted by code unit. Nothing is added, dropped or converted.
 */
export function inContractKeyOrder<T>(schema: Schema, value: T): T {
  return ordered(schema, value) as T;
}

function ordered(schema: Schema, value: unknown): unknown {
  if (value === null || typeof value !== 'object') return value;
  const inner = unwrapped(schema);
  const def = inner._zod.def;
  switch (def.type) {
    case 'object': {
      if (!isPlainObject(value)) return value;
      const shape = (inner as z.ZodObject).shape as Record<string, Schema>;
      const known = Object.keys(shape).filter((key) => Object.hasOwn(value, key));
      const others = Object.keys(value).filter((key) => !Object.hasOwn(shape, key)).sort(byCodeUnit);
      return Object.fromEntries([
        ...known.map((key) => [key, ordered(shape[key]!, value[key])]),
        ...others.map((key) => [key, sortedKeys(value[key])]),
      ]);
    }
    case 'record': {
      if (!isPlainObject(value)) return value;
      const valueType = (def as unknown as { valueType: Schema }).valueType;
      return Object.fromEntries(Object.keys(value).sort(byCodeUnit).map((key) => [key, ordered(valueType, value[key])]));
    }
    case 'array': {
      if (!Array.isArray(value)) return value;
      const element = (def as unknown as { element: Schema }).element;
      return value.map((item) => ordered(element, item));
    }
    case 'union': {
      const member = unionMember((def as unknown as { options: readonly Schema[] }).options, value);
      return member ? ordered(member, value) : sortedKeys(value);
    }
    default:
      return sortedKeys(value);
  }
}
