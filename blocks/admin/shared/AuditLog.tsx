import { __ } from '@wordpress/i18n';
import type { AuditEntry } from '../../../bridge/src/contract/reports';
import { formatDate } from '../../shared/dates';

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
							{ formatDate( entry.createdAt ) } — { entry.actor }:{ ' ' }
							{ entry.action } → { entry.responseStatus ?? '—' }
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
