// zod/mini: this module reaches the shopper's browser, where every kilobyte counts.
import * as z from 'zod/mini';
import { isCountryCode } from './countries';
import { LEVEL_FIELDS, type CustomerField, type Level } from './levels';
import { hasUnstorableCharacters, missingOr } from './messages';

const storable = z.refine<string>((v) => !hasUnstorableCharacters(v), { error: 'invalid_characters' });
const text = (max: number) => z.string({ error: missingOr('invalid') }).check(z.trim(), z.maxLength(max, { error: 'too_long' }), storable);

/** One schema per customer field; each normalises (trims, upper-cases codes) before it checks. */
export const customerFieldSchemas = {
  firstName: text(100),
  lastName: text(100),
  email: z.pipe(text(254), z.email({ error: 'invalid_email' })),
  company: text(200),
  taxId: text(50),
  addressLine1: text(200),
  addressLine2: text(200),
  postalCode: text(20),
  city: text(100),
  countryCode: z.string({ error: missingOr('invalid_country') }).check(z.trim(), z.toUpperCase(), z.refine(isCountryCode, { error: 'invalid_country' })),
  phone: text(32).check(z.regex(/^\+?[0-9][0-9 ().\/-]{3,}$/, { error: 'invalid_phone' })),
} satisfies Record<CustomerField, z.ZodMiniType<string, string>>;

/** Empty strings from forms mean "not given": optional fields must not fail on them. */
const blankToUndefined = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? undefined : value);
const blankIsAbsent = <T extends z.ZodMiniType>(schema: T) => z.pipe(z.transform(blankToUndefined), schema);

function fieldFor(field: CustomerField, required: boolean) {
  const schema = customerFieldSchemas[field];
  return blankIsAbsent(required ? schema : z.optional(schema));
}

const metaSchema = z.record(z.string().check(z.maxLength(64), storable), z.string().check(z.maxLength(500), storable)).check(
  z.refine((m) => Object.keys(m).length <= 50, { error: 'too_long' }),
);

/** Every field optional: what a customer record can hold. */
export const customerInputSchema = z.object({
  firstName: z.optional(customerFieldSchemas.firstName),
  lastName: z.optional(customerFieldSchemas.lastName),
  email: z.optional(customerFieldSchemas.email),
  company: z.optional(customerFieldSchemas.company),
  taxId: z.optional(customerFieldSchemas.taxId),
  addressLine1: z.optional(customerFieldSchemas.addressLine1),
  addressLine2: z.optional(customerFieldSchemas.addressLine2),
  postalCode: z.optional(customerFieldSchemas.postalCode),
  city: z.optional(customerFieldSchemas.city),
  countryCode: z.optional(customerFieldSchemas.countryCode),
  phone: z.optional(customerFieldSchemas.phone),
  note: z.optional(text(2000)),
  meta: z.optional(metaSchema),
});
export type CustomerInput = z.infer<typeof customerInputSchema>;

/**
 * The customer a level asks for: its required fields required, its optional fields optional, and
 * nothing else kept (personal data is limited to what the level asks).
 */
export function customerSchemaFor(level: Exclude<Level, 'none'>): z.ZodMiniType<CustomerInput> {
  const { asked, required } = LEVEL_FIELDS[level];
  const shape: Record<string, z.ZodMiniType> = {};
  for (const field of asked) shape[field] = fieldFor(field, required.includes(field));
  return z.object({ ...shape, note: blankIsAbsent(z.optional(text(2000))), meta: z.optional(metaSchema) }) as unknown as z.ZodMiniType<CustomerInput>;
}

/** Emails are compared case-insensitively; this is the form they are compared in. */
export function emailKey(email: string): string {
  return email.trim().toLowerCase();
}

export const customerSchema = z.extend(customerInputSchema, {
  id: z.string(),
  email: z.nullable(z.string()),
  level: z.enum(['minimal', 'compliant']),
  processorCustomerId: z.nullable(z.string()),
  erasedAt: z.nullable(z.string()),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Customer = z.infer<typeof customerSchema>;
