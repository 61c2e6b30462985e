import { __ } from '@wordpress/i18n';
import { LEVEL_FIELDS, strictestLevel, type Level } from '@ccb/contract/levels';
import { effectiveLevel, type Threshold } from '@ccb/contract/threshold';

export function levelLabel( level: Level ): string {
	return {
		none: __(
			'None: the charge carries no customer',
			'crypto-customer-bridge'
		),
		minimal: __( 'Minimal: name and email', 'crypto-customer-bridge' ),
		compliant: __(
			'Compliant: full billing details',
			'crypto-customer-bridge'
		),
	}[ level ];
}

/**
 * The level's name alone, for tables ("Compliant").
 * @param level The level.
 */
export function levelName( level: Level ): string {
	return {
		none: __( 'None', 'crypto-customer-bridge' ),
		minimal: __( 'Minimal', 'crypto-customer-bridge' ),
		compliant: __( 'Compliant', 'crypto-customer-bridge' ),
	}[ level ];
}

/**
 * The level a checkout block asks for: the site's, raised by the block's own setting and by the
 * compliance threshold for its total — the same rule the bridge enforces.
 * @param siteLevel
 * @param blockLevel
 * @param threshold
 * @param total
 * @param currency
 */
export function levelForBlock(
	siteLevel: Level,
	blockLevel: Level | '',
	threshold: Threshold | null,
	total: string,
	currency: string
): Level {
	const base = strictestLevel( siteLevel, blockLevel || 'none' );
	return total ? effectiveLevel( base, threshold, total, currency ) : base;
}

export function fieldsFor( level: Level ) {
	return LEVEL_FIELDS[ level ];
}
