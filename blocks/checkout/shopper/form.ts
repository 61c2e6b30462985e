import { __ } from '@wordpress/i18n';
import { requiresPostcode } from '@ccb/contract/countries';
import { customerSchemaFor } from '@ccb/contract/customer';
import { fieldErrorsFrom } from '@ccb/contract/errors';
import type { CustomerField, Level } from '@ccb/contract/levels';
import { fieldPresentation } from '../../shared/fields';
import { fieldsFor, levelForBlock } from '../../shared/levels';
import { fieldMessage } from '../../shared/messages';
import { countrySelect, el, type Config, type RestError } from './dom';
import { recallTyped, rememberTyped } from './typedValues';

/** The payment form: fields for the effective level, client-side checks from the contract, submission. */
export class CheckoutForm {
	private level: Level;
	private readonly attempt = crypto.randomUUID();
	private form = el( 'form', {
		noValidate: true,
		className: 'ccb-checkout__form',
	} );
	private notice = el( 'div', {
		className: 'ccb-checkout__notice',
		hidden: true,
	} );
	private inputs = new Map<
		CustomerField,
		HTMLInputElement | HTMLSelectElement
	>();

	constructor(
		private readonly root: HTMLElement,
		private readonly config: Config,
		private readonly navigate: ( url: string ) => void = ( url ) =>
			window.location.assign( url )
	) {
		this.level = levelForBlock(
			config.siteLevel,
			config.blockLevel,
			config.threshold,
			config.total,
			config.currency
		);
		this.notice.setAttribute( 'role', 'alert' );
		this.form.addEventListener( 'submit', ( event ) => {
			event.preventDefault();
			void this.submit();
		} );
	}

	render(): void {
		this.form.replaceChildren();
		this.inputs.clear();
		const { asked, required } = fieldsFor( this.level );
		const presentation = fieldPresentation();
		const prefix = `ccb-${ this.config.blockId }`;
		for ( const field of asked ) {
			const id = `${ prefix }-${ field }`;
			const { label, autocomplete, type } = presentation[ field ];
			const input =
				type === 'country'
					? countrySelect( id )
					: el( 'input', { id, type } );
			const isRequired = required.includes( field );
			input.name = field;
			input.autocomplete = autocomplete as AutoFill;
			input.required = isRequired;
			input.setAttribute( 'aria-describedby', `${ id }-error` );
			const labelNode = el( 'label', { htmlFor: id }, label );
			if ( isRequired ) {
				labelNode.append(
					el(
						'span',
						{
							className: 'ccb-field__required',
							ariaHidden: 'true',
						},
						' *'
					)
				);
			}
			this.form.append(
				el(
					'div',
					{ className: 'ccb-field' },
					labelNode,
					input,
					el( 'p', {
						id: `${ id }-error`,
						className: 'ccb-field__error',
						hidden: true,
					} )
				)
			);
			this.inputs.set( field, input );
		}
		// Back from a cancelled or expired payment: what was typed is still there.
		const typed = recallTyped( this.config.blockId );
		for ( const [ field, input ] of this.inputs ) {
			if ( typed[ field ] ) {
				input.value = typed[ field ];
			}
		}
		if ( required.includes( 'postalCode' ) ) {
			this.followCountryForPostcode();
		}
		if ( this.config.cancelled ) {
			this.showNotice(
				__(
					'Payment cancelled. Nothing was charged.',
					'crypto-customer-bridge'
				),
				'info'
			);
		}
		this.form.append(
			this.notice,
			el(
				'button',
				{
					type: 'submit',
					className: 'wp-element-button ccb-checkout__button',
				},
				this.config.buttonLabel ||
					__( 'Pay with crypto', 'crypto-customer-bridge' )
			)
		);
		this.root.replaceChildren( this.form );
	}

	/** The postcode is required only in a country that has postcodes (the contract's rule). */
	private followCountryForPostcode(): void {
		const country = this.inputs.get( 'countryCode' );
		const postcode = this.inputs.get( 'postalCode' );
		if ( ! country || ! postcode ) {
			return;
		}
		const sync = () => {
			const needed = requiresPostcode( country.value );
			postcode.required = needed;
			const star = postcode.parentElement?.querySelector< HTMLElement >(
				'.ccb-field__required'
			);
			if ( star ) {
				star.hidden = ! needed;
			}
		};
		country.addEventListener( 'change', sync );
		sync();
	}

	private values(): Record< string, string > {
		const values: Record< string, string > = {};
		for ( const [ field, input ] of this.inputs ) {
			values[ field ] = input.value;
		}
		return values;
	}

	private showErrors( fields: Record< string, { code: string } > ): void {
		let first: HTMLElement | null = null;
		for ( const [ field, input ] of this.inputs ) {
			const error = fields[ field ] ?? fields[ `customer.${ field }` ];
			const message = this.root.querySelector< HTMLElement >(
				`#${ CSS.escape( input.id ) }-error`
			)!;
			input.setAttribute( 'aria-invalid', error ? 'true' : 'false' );
			message.hidden = ! error;
			message.textContent = error ? fieldMessage( error.code ) : '';
			first ??= error ? input : null;
		}
		first?.focus();
	}

	private showNotice( text: string, kind: 'error' | 'info' = 'error' ): void {
		this.notice.hidden = false;
		this.notice.className = `ccb-checkout__notice is-${ kind }`;
		this.notice.textContent = text;
	}

	private async submit(): Promise< void > {
		this.notice.hidden = true;
		let customer: Record< string, string > | undefined;
		if ( this.level !== 'none' ) {
			const parsed = customerSchemaFor( this.level ).safeParse(
				this.values()
			);
			if ( ! parsed.success ) {
				return this.showErrors( fieldErrorsFrom( parsed.error ) );
			}
			customer = parsed.data as Record< string, string >;
		}
		this.showErrors( {} );
		const button = this.form.querySelector( 'button' )!;
		button.disabled = true;
		button.setAttribute( 'aria-busy', 'true' );
		try {
			const response = await fetch( `${ this.config.restUrl }checkouts`, {
				method: 'POST',
				headers: {
					'Content-Type': 'application/json',
					'X-WP-Nonce': this.config.nonce,
				},
				body: JSON.stringify( {
					postId: this.config.postId,
					blockId: this.config.blockId,
					attempt: this.attempt,
					customer,
				} ),
			} );
			const body = ( await response
				.json()
				.catch( () => ( {} ) ) ) as RestError & {
				redirectUrl?: string;
			};
			if ( response.ok && body.redirectUrl ) {
				rememberTyped( this.config.blockId, this.values() );
				this.showNotice(
					__(
						'Taking you to the payment page…',
						'crypto-customer-bridge'
					),
					'info'
				);
				this.navigate( body.redirectUrl );
				return;
			}
			if ( body.data?.level && body.data.level !== this.level ) {
				// The bridge asked for more (the threshold): show the fields it needs, keeping what was typed.
				const typed = this.values();
				this.level = body.data.level;
				this.render();
				for ( const [ field, input ] of this.inputs ) {
					input.value = typed[ field ] ?? '';
				}
			}
			if ( body.data?.fields && Object.keys( body.data.fields ).length ) {
				this.showErrors( body.data.fields );
			}
			this.showNotice(
				body.message ??
					__(
						'The payment could not be started. Please try again.',
						'crypto-customer-bridge'
					)
			);
		} catch {
			this.showNotice(
				__(
					'Your connection seems to be down. Nothing was charged; please try again.',
					'crypto-customer-bridge'
				)
			);
		} finally {
			button.disabled = false;
			button.removeAttribute( 'aria-busy' );
		}
	}
}
