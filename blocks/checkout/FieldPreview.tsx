import { __ } from '@wordpress/i18n';
import type { Level } from '@ccb/contract/levels';
import { fieldPresentation } from '../shared/fields';
import { fieldsFor } from '../shared/levels';

/**
 * The fields a shopper will be asked at a level, as a list; used in the editor and the settings panel.
 * @param root0
 * @param root0.level
 */
export default function FieldPreview( { level }: { level: Level } ) {
	const { asked, required } = fieldsFor( level );
	if ( ! asked.length ) {
		return (
			<p className="ccb-preview__none">
				{ __(
					'The shopper is asked nothing; the charge carries no customer.',
					'crypto-customer-bridge'
				) }
			</p>
		);
	}
	const presentation = fieldPresentation();
	return (
		<ul
			className="ccb-preview__fields"
			aria-label={ __(
				'Fields the shopper fills in',
				'crypto-customer-bridge'
			) }
		>
			{ asked.map( ( field ) => (
				<li key={ field }>
					{ presentation[ field ].label }
					{ required.includes( field ) ? ' *' : '' }
				</li>
			) ) }
		</ul>
	);
}
