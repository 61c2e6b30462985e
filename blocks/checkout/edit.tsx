import { InspectorControls, useBlockProps } from '@wordpress/block-editor';
import {
	Button,
	Notice,
	PanelBody,
	SelectControl,
	TextControl,
} from '@wordpress/components';
import { useSelect } from '@wordpress/data';
import { useEffect } from '@wordpress/element';
import { __, sprintf } from '@wordpress/i18n';
import {
	LEVELS,
	levelRank,
	strictestLevel,
	type Level,
} from '@ccb/contract/levels';
import { levelForBlock, levelLabel } from '../shared/levels';
import FieldPreview from './FieldPreview';
import { blockTotal, type BlockItem } from './totals';

export interface CheckoutAttributes {
	blockId: string;
	currency: string;
	items: BlockItem[];
	total: string;
	level: Level | '';
	buttonLabel: string;
}

interface EditProps {
	clientId: string;
	attributes: CheckoutAttributes;
	setAttributes: ( attributes: Partial< CheckoutAttributes > ) => void;
}

interface EditorBlock {
	clientId: string;
	name: string;
	attributes: Record< string, unknown >;
	innerBlocks: EditorBlock[];
}

/**
 * The first checkout block, in document order, using this id: the one that keeps it when copied.
 * @param blocks
 * @param blockId
 */
export function firstWithId(
	blocks: EditorBlock[],
	blockId: string
): string | null {
	for ( const block of blocks ) {
		if (
			block.name === 'crypto-customer-bridge/checkout' &&
			block.attributes.blockId === blockId
		) {
			return block.clientId;
		}
		const inner = firstWithId( block.innerBlocks, blockId );
		if ( inner ) {
			return inner;
		}
	}
	return null;
}

/**
 * Edits the block: what is sold, in which currency, and how much the shopper must tell.
 * @param root0
 * @param root0.clientId
 * @param root0.attributes
 * @param root0.setAttributes
 */
export default function Edit( {
	clientId,
	attributes,
	setAttributes,
}: EditProps ) {
	const { blockId, currency, items, total, level, buttonLabel } = attributes;
	const site = window.ccbEditorSettings ?? {
		siteLevel: 'minimal' as Level,
		threshold: null,
		settingsUrl: '',
	};

	// The server finds the amounts to charge by this id, so a copy gets its own; the original keeps its id.
	const duplicate = useSelect(
		( select ) => {
			if ( ! blockId ) {
				return false;
			}
			const first = firstWithId(
				(
					select( 'core/block-editor' ) as {
						getBlocks: () => EditorBlock[];
					}
				 ).getBlocks(),
				blockId
			);
			return first !== null && first !== clientId;
		},
		[ blockId, clientId ]
	);
	useEffect( () => {
		if ( ! blockId || duplicate ) {
			setAttributes( { blockId: crypto.randomUUID() } );
		}
	}, [ blockId, duplicate, setAttributes ] );

	const updateItems = ( next: BlockItem[] ) =>
		setAttributes( { items: next, total: blockTotal( next, currency ) } );
	const updateItem = ( index: number, change: Partial< BlockItem > ) =>
		updateItems(
			items.map( ( item, i ) =>
				i === index ? { ...item, ...change } : item
			)
		);
	const effective = levelForBlock(
		site.siteLevel,
		level,
		site.threshold,
		total,
		currency
	);

	// A block may ask more than the site, never less.
	const levelOptions = [
		{
			value: '',
			label: sprintf(
				/* translators: %s: the site's level */ __(
					'Site setting (%s)',
					'crypto-customer-bridge'
				),
				site.siteLevel
			),
		},
		...LEVELS.filter(
			( l ) => levelRank( l ) > levelRank( site.siteLevel )
		).map( ( l ) => ( { value: l, label: levelLabel( l ) } ) ),
	];

	return (
		<>
			<InspectorControls>
				<PanelBody title={ __( 'Payment', 'crypto-customer-bridge' ) }>
					{ site.billingCurrencies ? (
						<SelectControl
							__nextHasNoMarginBottom
							label={ __( 'Currency', 'crypto-customer-bridge' ) }
							help={ __(
								'The currencies the payment processor bills in.',
								'crypto-customer-bridge'
							) }
							value={ currency }
							options={ [
								...( site.billingCurrencies.includes( currency )
									? []
									: [
											{
												value: currency,
												label: currency,
												disabled: true,
											},
										] ),
								...site.billingCurrencies.map( ( c ) => ( {
									value: c,
									label: c,
								} ) ),
							] }
							onChange={ ( value: string ) =>
								setAttributes( {
									currency: value,
									total: blockTotal( items, value ),
								} )
							}
						/>
					) : (
						<TextControl
							__nextHasNoMarginBottom
							label={ __( 'Currency', 'crypto-customer-bridge' ) }
							help={ __(
								'ISO code such as EUR or USD, or a digital asset such as BTC.',
								'crypto-customer-bridge'
							) }
							value={ currency }
							onChange={ ( value: string ) =>
								setAttributes( {
									currency: value.toUpperCase(),
									total: blockTotal( items, value ),
								} )
							}
						/>
					) }
					{ items.map( ( item, index ) => (
						<fieldset key={ index } className="ccb-editor__item">
							<legend>
								{ sprintf(
									/* translators: %d: item number */ __(
										'Item %d',
										'crypto-customer-bridge'
									),
									index + 1
								) }
							</legend>
							<TextControl
								__nextHasNoMarginBottom
								label={ __(
									'Description',
									'crypto-customer-bridge'
								) }
								value={ item.description }
								maxLength={ 200 }
								onChange={ ( description: string ) =>
									updateItem( index, { description } )
								}
							/>
							<TextControl
								__nextHasNoMarginBottom
								label={ __(
									'Amount',
									'crypto-customer-bridge'
								) }
								inputMode="decimal"
								value={ item.amount }
								onChange={ ( amount: string ) =>
									updateItem( index, {
										amount: amount.replace( ',', '.' ),
									} )
								}
							/>
							<TextControl
								__nextHasNoMarginBottom
								label={ __(
									'Quantity',
									'crypto-customer-bridge'
								) }
								type="number"
								min={ 1 }
								value={ String( item.quantity ) }
								onChange={ ( quantity: string ) =>
									updateItem( index, {
										quantity: Math.max(
											1,
											parseInt( quantity, 10 ) || 1
										),
									} )
								}
							/>
							{ items.length > 1 && (
								<Button
									variant="link"
									isDestructive
									onClick={ () =>
										updateItems(
											items.filter(
												( _, i ) => i !== index
											)
										)
									}
								>
									{ __(
										'Remove item',
										'crypto-customer-bridge'
									) }
								</Button>
							) }
						</fieldset>
					) ) }
					<Button
						variant="secondary"
						onClick={ () =>
							updateItems( [
								...items,
								{ description: '', amount: '', quantity: 1 },
							] )
						}
					>
						{ __( 'Add item', 'crypto-customer-bridge' ) }
					</Button>
				</PanelBody>
				<PanelBody
					title={ __(
						'Customer information',
						'crypto-customer-bridge'
					) }
				>
					<SelectControl
						__nextHasNoMarginBottom
						label={ __(
							'Level for this block',
							'crypto-customer-bridge'
						) }
						value={ level }
						options={ levelOptions }
						onChange={ ( value: string ) =>
							setAttributes( { level: value as Level | '' } )
						}
					/>
					<TextControl
						__nextHasNoMarginBottom
						label={ __( 'Button label', 'crypto-customer-bridge' ) }
						value={ buttonLabel }
						placeholder={ __(
							'Pay with crypto',
							'crypto-customer-bridge'
						) }
						onChange={ ( value: string ) =>
							setAttributes( { buttonLabel: value } )
						}
					/>
				</PanelBody>
			</InspectorControls>
			<div { ...useBlockProps( { className: 'ccb-checkout' } ) }>
				{ total ? (
					<p className="ccb-checkout__total">
						{ sprintf(
							/* translators: 1: amount, 2: currency */ __(
								'Total: %1$s %2$s',
								'crypto-customer-bridge'
							),
							total,
							currency
						) }
					</p>
				) : (
					<Notice status="warning" isDismissible={ false }>
						{ __(
							'Add at least one item with a description and an amount (like 19.99), and a valid currency, in the block settings.',
							'crypto-customer-bridge'
						) }
					</Notice>
				) }
				<p>
					<strong>{ levelLabel( effective ) }</strong>
					{ effective !==
						strictestLevel( site.siteLevel, level || 'none' ) &&
						' ' +
							__(
								'(raised by the compliance threshold)',
								'crypto-customer-bridge'
							) }
				</p>
				<FieldPreview level={ effective } />
				<button type="button" className="wp-element-button" disabled>
					{ buttonLabel ||
						__( 'Pay with crypto', 'crypto-customer-bridge' ) }
				</button>
			</div>
		</>
	);
}
