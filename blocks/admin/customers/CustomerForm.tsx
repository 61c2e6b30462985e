import {
	Button,
	Notice,
	SelectControl,
	TextareaControl,
	TextControl,
} from '@wordpress/components';
import { useRef, useState } from '@wordpress/element';
import { __ } from '@wordpress/i18n';
import { customerSchemaFor } from '@ccb/contract/customer';
import type { Customer } from '@ccb/contract/customer';
import { fieldErrorsFrom } from '@ccb/contract/errors';
import { COUNTRY_CODES } from '@ccb/contract/countries';
import { fieldPresentation } from '../../shared/fields';
import { fieldsFor } from '../../shared/levels';
import { fieldMessage } from '../../shared/messages';
import { createCustomer, fieldErrorsOf, updateCustomer } from './api';

type Values = Record< string, string >;

/**
 * Create or edit a customer: the contract's fields and rules for its level, checked here and at the bridge.
 * @param root0
 * @param root0.customer
 * @param root0.onSaved
 * @param root0.onCancel
 */
export default function CustomerForm( {
	customer,
	onSaved,
	onCancel,
}: {
	customer?: Customer;
	onSaved: ( c: Customer ) => void;
	onCancel: () => void;
} ) {
	const [ level, setLevel ] = useState< 'minimal' | 'compliant' >(
		customer?.level ?? 'minimal'
	);
	const [ values, setValues ] = useState< Values >(
		() =>
			Object.fromEntries(
				Object.entries( customer ?? {} ).filter(
					( [ , v ] ) => typeof v === 'string'
				)
			) as Values
	);
	const [ meta, setMeta ] = useState( () =>
		Object.entries( customer?.meta ?? {} ).map( ( [ key, value ] ) => ( {
			key,
			value,
		} ) )
	);
	const [ errors, setErrors ] = useState< Record< string, string > >( {} );
	const [ notice, setNotice ] = useState( '' );
	const [ saving, setSaving ] = useState( false );
	const requestId = useRef( crypto.randomUUID() );
	const presentation = fieldPresentation();
	const { asked, required } = fieldsFor( level );
	const countryNames = new Intl.DisplayNames(
		[ document.documentElement.lang || 'en' ],
		{ type: 'region' }
	);
	const countryOptions = [
		{
			value: '',
			label: __( 'Choose a country', 'crypto-customer-bridge' ),
		},
		...[ ...COUNTRY_CODES ]
			.map( ( code ) => ( {
				value: code,
				label: countryNames.of( code ) ?? code,
			} ) )
			.sort( ( a, b ) => a.label.localeCompare( b.label ) ),
	];

	const save = async () => {
		const metaObject = Object.fromEntries(
			meta
				.filter( ( m ) => m.key.trim() )
				.map( ( m ) => [ m.key.trim(), m.value ] )
		);
		// No meta is sent as absent (or null to clear it): an empty object would reach the bridge as [] through PHP.
		const hasMeta = Object.keys( metaObject ).length > 0;
		const payload = {
			...Object.fromEntries(
				asked.map( ( f ) => [ f, values[ f ] ?? '' ] )
			),
			note: values.note ?? '',
			...( hasMeta ? { meta: metaObject } : {} ),
		};
		const checked = customerSchemaFor( level ).safeParse( payload );
		if ( ! checked.success ) {
			setErrors(
				Object.fromEntries(
					Object.entries( fieldErrorsFrom( checked.error ) ).map(
						( [ k, v ] ) => [ k, fieldMessage( v.code ) ]
					)
				)
			);
			return;
		}
		setErrors( {} );
		setNotice( '' );
		setSaving( true );
		try {
			// Empty optional fields clear what was there before.
			const changes = customer
				? {
						...Object.fromEntries(
							Object.entries( payload ).map( ( [ k, v ] ) => [
								k,
								v === '' ? null : v,
							] )
						),
						...( hasMeta ? {} : { meta: null } ),
						...( level !== customer.level ? { level } : {} ),
					}
				: checked.data;
			const saved = customer
				? await updateCustomer( customer.id, changes )
				: await createCustomer(
						level,
						checked.data as Record< string, unknown >,
						requestId.current
					);
			onSaved( saved.customer );
		} catch ( error ) {
			const fields = fieldErrorsOf( error );
			setErrors(
				Object.fromEntries(
					Object.entries( fields ).map( ( [ k, v ] ) => [
						k.replace( /^customer\./, '' ),
						fieldMessage( v.code ),
					] )
				)
			);
			setNotice(
				( error as { message?: string } ).message ??
					__(
						'The customer could not be saved.',
						'crypto-customer-bridge'
					)
			);
		} finally {
			setSaving( false );
		}
	};

	return (
		<form
			className="ccb-customer-form ccb-admin-form"
			onSubmit={ ( e ) => {
				e.preventDefault();
				void save();
			} }
			noValidate
		>
			<h2>
				{ customer
					? __( 'Edit customer', 'crypto-customer-bridge' )
					: __( 'New customer', 'crypto-customer-bridge' ) }
			</h2>
			{ customer?.level !== 'compliant' && (
				<SelectControl
					__nextHasNoMarginBottom
					label={ __(
						'Information level',
						'crypto-customer-bridge'
					) }
					value={ level }
					help={
						customer
							? __(
									'Raising the level asks for the full billing details; it cannot be lowered again.',
									'crypto-customer-bridge'
								)
							: undefined
					}
					options={ [
						{
							value: 'minimal',
							label: __(
								'Minimal: name and email',
								'crypto-customer-bridge'
							),
						},
						{
							value: 'compliant',
							label: __(
								'Compliant: full billing details',
								'crypto-customer-bridge'
							),
						},
					] }
					onChange={ ( v: string ) =>
						setLevel( v as 'minimal' | 'compliant' )
					}
				/>
			) }
			{ asked.map( ( field ) => {
				const label = `${ presentation[ field ].label }${ required.includes( field ) ? ' *' : '' }`;
				const common = {
					__nextHasNoMarginBottom: true,
					label,
					help: errors[ field ],
					'aria-invalid': !! errors[ field ],
					value: values[ field ] ?? '',
					onChange: ( v: string ) =>
						setValues( { ...values, [ field ]: v } ),
				};
				return field === 'countryCode' ? (
					<SelectControl
						key={ field }
						{ ...common }
						options={ countryOptions }
					/>
				) : (
					<TextControl
						key={ field }
						{ ...common }
						type={
							presentation[ field ].type === 'email'
								? 'email'
								: 'text'
						}
					/>
				);
			} ) }
			<TextareaControl
				__nextHasNoMarginBottom
				label={ __( 'Note', 'crypto-customer-bridge' ) }
				value={ values.note ?? '' }
				onChange={ ( v: string ) =>
					setValues( { ...values, note: v } )
				}
			/>
			<fieldset className="ccb-customer-form__meta">
				<legend>
					{ __(
						'Meta (for example CRM or accounting ids)',
						'crypto-customer-bridge'
					) }
				</legend>
				{ meta.map( ( row, i ) => (
					<div key={ i } className="ccb-customer-form__meta-row">
						<TextControl
							__nextHasNoMarginBottom
							label={ __( 'Key', 'crypto-customer-bridge' ) }
							value={ row.key }
							onChange={ ( key: string ) =>
								setMeta(
									meta.map( ( m, j ) =>
										j === i ? { ...m, key } : m
									)
								)
							}
						/>
						<TextControl
							__nextHasNoMarginBottom
							label={ __( 'Value', 'crypto-customer-bridge' ) }
							value={ row.value }
							onChange={ ( value: string ) =>
								setMeta(
									meta.map( ( m, j ) =>
										j === i ? { ...m, value } : m
									)
								)
							}
						/>
						<Button
							variant="link"
							isDestructive
							onClick={ () =>
								setMeta( meta.filter( ( _, j ) => j !== i ) )
							}
						>
							{ __( 'Remove', 'crypto-customer-bridge' ) }
						</Button>
					</div>
				) ) }
				<Button
					variant="secondary"
					onClick={ () =>
						setMeta( [ ...meta, { key: '', value: '' } ] )
					}
				>
					{ __( 'Add meta', 'crypto-customer-bridge' ) }
				</Button>
			</fieldset>
			<div aria-live="polite">
				{ notice && (
					<Notice status="error" isDismissible={ false }>
						{ notice }
					</Notice>
				) }
			</div>
			<p>
				<Button
					variant="primary"
					type="submit"
					isBusy={ saving }
					disabled={ saving }
				>
					{ __( 'Save customer', 'crypto-customer-bridge' ) }
				</Button>{ ' ' }
				<Button variant="tertiary" onClick={ onCancel }>
					{ __( 'Cancel', 'crypto-customer-bridge' ) }
				</Button>
			</p>
		</form>
	);
}
