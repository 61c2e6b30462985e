import type { CustomerInput } from '../../contract';
import type { ProcessorCustomer } from '../../processors/whalestack/protocol';

/** Our customer in the processor's field names. Absent fields stay absent. */
export function toProcessorCustomer(
	c: CustomerInput & { email: string }
): ProcessorCustomer {
	const out: ProcessorCustomer = { email: c.email };
	const map: Array< [ keyof CustomerInput, keyof ProcessorCustomer ] > = [
		[ 'firstName', 'firstname' ],
		[ 'lastName', 'lastname' ],
		[ 'company', 'company' ],
		[ 'addressLine1', 'adr1' ],
		[ 'addressLine2', 'adr2' ],
		[ 'postalCode', 'zip' ],
		[ 'city', 'city' ],
		[ 'countryCode', 'countrycode' ],
		[ 'phone', 'phonenumber' ],
		[ 'taxId', 'taxid' ],
	];
	for ( const [ ours, theirs ] of map ) {
		const value = c[ ours ];
		if ( typeof value === 'string' )
			( out as Record< string, unknown > )[ theirs ] = value;
	}
	if ( c.meta && Object.keys( c.meta ).length ) out.meta = c.meta;
	return out;
}
