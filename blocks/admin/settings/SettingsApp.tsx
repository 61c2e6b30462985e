import {
	Button,
	Notice,
	Panel,
	PanelBody,
	RadioControl,
	SelectControl,
	Spinner,
	TextareaControl,
	TextControl,
} from '@wordpress/components';
import { useEffect, useState } from '@wordpress/element';
import { __ } from '@wordpress/i18n';
import { LEVELS, type Level } from '@ccb/contract/levels';
import { amountSchema, currencySchema } from '@ccb/contract/money';
import FieldPreview from '../../checkout/FieldPreview';
import { levelLabel } from '../../shared/levels';
import {
	errorMessage,
	loadConnection,
	loadPages,
	loadSettings,
	saveSettings,
	type ConnectionState,
	type Page,
	type SiteSettings,
} from './api';
import ConnectionPanel from './ConnectionPanel';
import '../shared/fields.css';
import './settings.css';

type Status = { kind: 'success' | 'error'; text: string } | null;

/** Currencies most shops bill in, offered while the processor's own list is not known yet. */
const COMMON_CURRENCIES = [ 'EUR', 'USD', 'GBP', 'CHF', 'CAD', 'AUD', 'JPY' ];

/**
 * The currency picker's choices: what the processor bills in (or common currencies until it is
 * known), keeping a saved currency that is not among them.
 * @param billing The processor's billing currencies, or null.
 * @param current The saved currency.
 */
function currencyOptions( billing: string[] | null, current: string ) {
	const codes = [ ...( billing?.length ? billing : COMMON_CURRENCIES ) ];
	if ( current && ! codes.includes( current ) ) {
		codes.unshift( current );
	}
	return [
		{
			value: '',
			label: __( 'Choose a currency', 'crypto-customer-bridge' ),
		},
		...codes.map( ( code ) => ( { value: code, label: code } ) ),
	];
}

/** The settings screen: connection, level with a live preview, threshold, pages. */
export default function SettingsApp() {
	const [ settings, setSettings ] = useState< SiteSettings | null >( null );
	const [ connection, setConnection ] = useState< ConnectionState | null >(
		null
	);
	const [ pages, setPages ] = useState< Page[] >( [] );
	const [ status, setStatus ] = useState< Status >( null );
	const [ saving, setSaving ] = useState( false );

	const refreshConnection = () =>
		loadConnection()
			.then( setConnection )
			.catch( () => setConnection( null ) );
	useEffect( () => {
		loadSettings()
			.then( setSettings )
			.catch( ( e ) =>
				setStatus( { kind: 'error', text: errorMessage( e ) } )
			);
		void refreshConnection();
		loadPages()
			.then( setPages )
			.catch( () => setPages( [] ) );
	}, [] );

	if ( ! settings ) {
		return <Spinner />;
	}

	const update = ( change: Partial< SiteSettings > ) =>
		setSettings( { ...settings, ...change } );
	const threshold = settings.ccb_threshold ?? { amount: '', currency: '' };
	const amountError =
		threshold.amount && ! amountSchema.safeParse( threshold.amount ).success
			? __(
					'Enter an amount like 1000 or 999.99.',
					'crypto-customer-bridge'
				)
			: '';
	const currencyError =
		threshold.amount &&
		! currencySchema.safeParse( threshold.currency ).success
			? __( 'Enter a currency code like EUR.', 'crypto-customer-bridge' )
			: '';
	const pageOptions = [
		{
			value: '0',
			label: __(
				'The page the payment started on',
				'crypto-customer-bridge'
			),
		},
		...pages.map( ( p ) => ( {
			value: String( p.id ),
			label: p.title.rendered || `#${ p.id }`,
		} ) ),
	];

	const save = async () => {
		if ( amountError || currencyError ) {
			setStatus( {
				kind: 'error',
				text: __(
					'Fix the highlighted fields before saving.',
					'crypto-customer-bridge'
				),
			} );
			return;
		}
		setSaving( true );
		setStatus( null );
		try {
			await saveSettings( {
				...settings,
				ccb_threshold: threshold.amount
					? {
							amount: threshold.amount,
							currency: threshold.currency.toUpperCase(),
						}
					: { amount: '', currency: '' },
			} );
			await refreshConnection();
			setStatus( {
				kind: 'success',
				text: __( 'Settings saved.', 'crypto-customer-bridge' ),
			} );
		} catch ( e ) {
			setStatus( { kind: 'error', text: errorMessage( e ) } );
		} finally {
			setSaving( false );
		}
	};

	return (
		<div className="ccb-settings ccb-admin-form">
			<Panel>
				<ConnectionPanel
					state={ connection }
					onChanged={ () => {
						void refreshConnection();
						// A new shop's level, threshold and name come from the bridge.
						loadSettings()
							.then( setSettings )
							.catch( () => undefined );
					} }
				/>
				<PanelBody
					title={ __(
						'Customer information',
						'crypto-customer-bridge'
					) }
					initialOpen
				>
					<RadioControl
						label={ __(
							'What must shoppers tell you?',
							'crypto-customer-bridge'
						) }
						selected={ settings.ccb_level }
						options={ LEVELS.map( ( level ) => ( {
							value: level,
							label: levelLabel( level ),
						} ) ) }
						onChange={ ( value: string ) =>
							update( { ccb_level: value as Level } )
						}
					/>
					<h3>
						{ __(
							'Shoppers will be asked',
							'crypto-customer-bridge'
						) }
					</h3>
					<FieldPreview level={ settings.ccb_level } />
				</PanelBody>
				<PanelBody
					title={ __(
						'Compliance threshold',
						'crypto-customer-bridge'
					) }
					initialOpen
				>
					<p>
						{ __(
							'At or above this total, shoppers must give full billing details whatever the level above. Leave empty for no threshold.',
							'crypto-customer-bridge'
						) }
					</p>
					<div className="ccb-settings__threshold">
						<TextControl
							__next40pxDefaultSize
							__nextHasNoMarginBottom
							label={ __( 'Amount', 'crypto-customer-bridge' ) }
							inputMode="decimal"
							value={ threshold.amount }
							help={ amountError }
							aria-invalid={ !! amountError }
							onChange={ ( amount: string ) =>
								update( {
									ccb_threshold: {
										...threshold,
										amount: amount.trim(),
									},
								} )
							}
						/>
						<SelectControl
							__next40pxDefaultSize
							__nextHasNoMarginBottom
							label={ __( 'Currency', 'crypto-customer-bridge' ) }
							value={ threshold.currency }
							help={ currencyError }
							aria-invalid={ !! currencyError }
							options={ currencyOptions(
								connection?.currencies ?? null,
								threshold.currency
							) }
							onChange={ ( currency: string ) =>
								update( {
									ccb_threshold: { ...threshold, currency },
								} )
							}
						/>
					</div>
				</PanelBody>
				<PanelBody
					title={ __( 'Payment pages', 'crypto-customer-bridge' ) }
					initialOpen
				>
					<TextControl
						__nextHasNoMarginBottom
						label={ __(
							'Shop name on the payment page',
							'crypto-customer-bridge'
						) }
						value={ settings.ccb_shop_name }
						onChange={ ( value: string ) =>
							update( { ccb_shop_name: value } )
						}
					/>
					<SelectControl
						__nextHasNoMarginBottom
						label={ __(
							'After paying, return to',
							'crypto-customer-bridge'
						) }
						value={ String( settings.ccb_return_page ) }
						options={ pageOptions }
						onChange={ ( value: string ) =>
							update( { ccb_return_page: Number( value ) } )
						}
					/>
					<SelectControl
						__nextHasNoMarginBottom
						label={ __(
							'After cancelling, return to',
							'crypto-customer-bridge'
						) }
						value={ String( settings.ccb_cancel_page ) }
						options={ pageOptions }
						onChange={ ( value: string ) =>
							update( { ccb_cancel_page: Number( value ) } )
						}
					/>
				</PanelBody>
				<PanelBody
					title={ __( 'Invoices', 'crypto-customer-bridge' ) }
					initialOpen
				>
					<p>
						{ __(
							'Every completed payment produces an invoice with these details, sent to the customer (when the level asks for an email) and to you.',
							'crypto-customer-bridge'
						) }
					</p>
					<TextControl
						__nextHasNoMarginBottom
						label={ __(
							'Seller’s legal name',
							'crypto-customer-bridge'
						) }
						value={ settings.ccb_seller?.name ?? '' }
						onChange={ ( name: string ) =>
							update( {
								ccb_seller: { ...settings.ccb_seller, name },
							} )
						}
					/>
					<TextareaControl
						__nextHasNoMarginBottom
						label={ __(
							'Seller’s address',
							'crypto-customer-bridge'
						) }
						value={ settings.ccb_seller?.address ?? '' }
						onChange={ ( address: string ) =>
							update( {
								ccb_seller: { ...settings.ccb_seller, address },
							} )
						}
					/>
					<TextControl
						__nextHasNoMarginBottom
						label={ __(
							'Seller’s tax ID (VAT number)',
							'crypto-customer-bridge'
						) }
						value={ settings.ccb_seller?.taxId ?? '' }
						onChange={ ( taxId: string ) =>
							update( {
								ccb_seller: { ...settings.ccb_seller, taxId },
							} )
						}
					/>
					<TextControl
						__nextHasNoMarginBottom
						label={ __(
							'Invoice number prefix',
							'crypto-customer-bridge'
						) }
						help={ __(
							'Letters, digits and . _ / - ; numbers follow without gaps: INV-1, INV-2, …',
							'crypto-customer-bridge'
						) }
						value={ settings.ccb_invoice_prefix ?? '' }
						onChange={ ( value: string ) =>
							update( { ccb_invoice_prefix: value } )
						}
					/>
					<TextControl
						__nextHasNoMarginBottom
						type="email"
						label={ __(
							'Send the merchant’s copy of invoices to',
							'crypto-customer-bridge'
						) }
						help={ __(
							'Empty: the site’s administration email address.',
							'crypto-customer-bridge'
						) }
						value={ settings.ccb_invoice_email ?? '' }
						onChange={ ( value: string ) =>
							update( { ccb_invoice_email: value } )
						}
					/>
				</PanelBody>
			</Panel>
			<div aria-live="polite">
				{ status && (
					<Notice
						status={ status.kind }
						onRemove={ () => setStatus( null ) }
					>
						{ status.text }
					</Notice>
				) }
			</div>
			<p>
				<Button
					variant="primary"
					isBusy={ saving }
					disabled={ saving }
					onClick={ save }
				>
					{ __( 'Save settings', 'crypto-customer-bridge' ) }
				</Button>
			</p>
		</div>
	);
}
