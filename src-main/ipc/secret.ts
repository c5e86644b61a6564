import { z } from 'zod';

/**
 * Secrets are marked on the schema field that carries them (passwords), never guessed from a pattern: the log writes
 * every call's input with the marked fields replaced, so a new channel with a password field is redacted as soon as
 * it uses `secret(...)` (and tests/unit/security-secrets.test.ts refuses a password-like field that does not).
 */
export const secretFields = z.registry<{ secret: true }>();

/** Marks a schema as a secret field; apply it last (`secret(z.string().min(6))`), refinements make a new schema. */
export function secret<T extends z.ZodType>(schema: T): T {
  secretFields.add(schema, { secret: true });
  return schema;
}

export const REDACTED = '[已隐去]';

type Def = { type: string; innerType?: z.ZodType; in?: z.ZodType; out?: z.ZodType; element?: z.ZodType; options?: z.ZodType[];
  left?: z.ZodType; right?: z.ZodType; valueType?: z.ZodType; shape?: Record<string, z.ZodType>; getter?: () => z.ZodType };
const defOf = (s: z.ZodType) => (s as unknown as { _zod: { def: Def } })._zod.def;

/** True when the schema, through optional/default/pipe wrappers, is a marked secret. */
export function isSecret(schema: z.ZodType | undefined, depth = 0): boolean {
  if (!schema || depth > 20) return false;
  if (secretFields.has(schema)) return true;
  const d = defOf(schema);
  const inner = d.innerType ?? (d.type === 'pipe' ? d.in : undefined) ?? (d.type === 'lazy' ? d.getter?.() : undefined);
  return isSecret(inner, depth + 1);
}

/** A copy of `value` with every field its schema marks secret replaced by [已隐去]; anything else is kept. */
export function redactSecrets(schema: z.ZodType | undefined, value: unknown, depth = 0): unknown {
  if (!schema || depth > 20 || value === null || value === undefined) return value;
  if (isSecret(schema)) return REDACTED;
  const d = defOf(schema);
  switch (d.type) {
    case 'optional': case 'nullable': case 'default': case 'prefault': case 'catch': case 'readonly': case 'nonoptional':
      return redactSecrets(d.innerType, value, depth + 1);
    case 'pipe': return redactSecrets(d.in, value, depth + 1);
    case 'lazy': return redactSecrets(d.getter?.(), value, depth + 1);
    case 'array': return Array.isArray(value) ? value.map((v) => redactSecrets(d.element, v, depth + 1)) : value;
    case 'union': return (d.options ?? []).reduce<unknown>((v, o) => redactSecrets(o, v, depth + 1), value);
    case 'intersection': return redactSecrets(d.right, redactSecrets(d.left, value, depth + 1), depth + 1);
    case 'record': return mapObject(value, () => d.valueType, depth);
    case 'object': {
      const shape = (schema as unknown as { shape: Record<string, z.ZodType> }).shape;
      return mapObject(value, (k) => (Object.hasOwn(shape, k) ? shape[k] : undefined), depth);
    }
    default: return value;
  }
}

function mapObject(value: unknown, fieldSchema: (k: string) => z.ZodType | undefined, depth: number): unknown {
  if (typeof value !== 'object' || Array.isArray(value)) return value;
  return Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, redactSecrets(fieldSchema(k), v, depth + 1)]));
}
