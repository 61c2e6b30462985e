import { z } from 'zod';
import { isCountryCode } from './countries';
import { LEVEL_FIELDS, type CustomerField, type Level } from './levels';
import { missingOr } from './messages';

const text = (max: number) => z.string({ error: missingOr('invalid') }).trim().max(max, { error: 'too_long' });

/** One schema per customer field; each normalises (trims, upper-cases codes) before it checks. */
export const customerFieldSchemas = {
  firstName: text(100),
  lastName: text(100),
  email: text(254).pipe(z.email({ error: 'invalid_email' })),
  company: text(200),
  taxId: text(50),
  addressLine1: text(200),
  addressLine2: text(200),
  postalCode: text(20),
  city: text(100),
  countryCode: z
    .string({ error: missingOr('invalid_country') })
    .trim()
    .toUpperCase()
    .refine(isCountryCode, { error: 'invalid_country' }),
  phone: text(32).regex(/^\+?[0-9][0-9 ().\/-]{3,}$/, { error: 'invalid_phone' }),
} satisfies Record<CustomerField, z.ZodType<string>>;

/** Empty strings from forms mean "not given": optional fields must not fail on them. */
const blankToUndefined = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? undefined : value);

function fieldFor(field: CustomerField, required: boolean) {
  const schema = customerFieldSchemas[field];
  return z.preprocess(blankToUndefined, required ? schema : schema.optional());
}

const metaSchema = z.record(z.string().max(64), z.string().max(500)).refine((m) => Object.keys(m).length <= 50, {
  error: 'too_long',
});

/**
 * The customer a level asks for: its required fields required, its optional fields optional, and
 * nothing else kept (personal data is limited to what the level asks).
 */
export function customerSchemaFor(level: Exclude<Level, 'none'>) {
  const { asked, required } = LEVEL_FIELDS[level];
  const shape: Record<string, z.ZodType> = {};
  for (const field of asked) shape[field] = fieldFor(field, required.includes(field));
  return z
    .object({ ...shape, note: z.preprocess(blankToUndefined, text(2000).optional()), meta: metaSchema.optional() })
    .strip() as unknown as z.ZodType<CustomerInput>;
}

/** Every field optional: what a customer record can hold. */
export const customerInputSchema = z.object({
  firstName: customerFieldSchemas.firstName.optional(),
  lastName: customerFieldSchemas.lastName.optional(),
  email: customerFieldSchemas.email.optional(),
  company: customerFieldSchemas.company.optional(),
  taxId: customerFieldSchemas.taxId.optional(),
  addressLine1: customerFieldSchemas.addressLine1.optional(),
  addressLine2: customerFieldSchemas.addressLine2.optional(),
  postalCode: customerFieldSchemas.postalCode.optional(),
  city: customerFieldSchemas.city.optional(),
  countryCode: customerFieldSchemas.countryCode.optional(),
  phone: customerFieldSchemas.phone.optional(),
  note: text(2000).optional(),
  meta: metaSchema.optional(),
});
export type CustomerInput = z.infer<typeof customerInputSchema>;

/** Emails are compared case-insensitively; this is the form they are compared in. */
export function emailKey(email: string): string {
  return email.trim().toLowerCase();
}

export const customerSchema = customerInputSchema.extend({
  id: z.string(),
  email: z.string().nullable(),
  level: z.enum(['minimal', 'compliant']),
  processorCustomerId: z.string().nullable(),
  erasedAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Customer = z.infer<typeof customerSchema>;
