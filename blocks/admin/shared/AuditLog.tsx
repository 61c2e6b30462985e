import { __, sprintf } from '@wordpress/i18n';
import type { AuditEntry } from '@ccb/contract/reports';
import { formatDate } from '../../shared/dates';

function actorLabel( actor: AuditEntry[ 'actor' ] ): string {
	return {
		shop: __( 'This site', 'crypto-customer-bridge' ),
		bridge: __( 'Bridge', 'crypto-customer-bridge' ),
		processor: __( 'Processor', 'crypto-customer-bridge' ),
		operator: __( 'Operator', 'crypto-customer-bridge' ),
	}[ actor ];
}

/**
 * The audit log as a timeline: who did what, each entry opening to its request and response.
 * @param root0
 * @param root0.entries
 * @param root0.className
 */
export default function AuditLog( {
	entries,
	className,
}: {
	entries: AuditEntry[];
	className: string;
} ) {
	return (
		<ol className={ className }>
			{ entries.map( ( entry ) => (
				<li key={ entry.id }>
					<details>
						<summary>
							{ formatDate( entry.createdAt ) } —{ ' ' }
							{ actorLabel( entry.actor ) }
							{ entry.onBehalfOf &&
								` (${ sprintf(
									/* translators: %s: a person or role, e.g. "WordPress user admin (#1)" */ __(
										'for %s',
										'crypto-customer-bridge'
									),
									entry.onBehalfOf
								) })` }
							: { entry.action } → { entry.responseStatus ?? '—' }
						</summary>
						<h4>{ __( 'Request', 'crypto-customer-bridge' ) }</h4>
						<pre>{ JSON.stringify( entry.request, null, 2 ) }</pre>
						<h4>{ __( 'Response', 'crypto-customer-bridge' ) }</h4>
						<pre>{ JSON.stringify( entry.response, null, 2 ) }</pre>
					</details>
				</li>
			) ) }
		</ol>
	);
}
