/**
 * The shopper's side of the checkout block: builds the form for the effective level, validates it
 * with the shared contract, submits it, and on the way back shows the payment's status. Plain DOM,
 * so a page with this block loads no framework.
 */
import { __, sprintf } from '@wordpress/i18n';
import { COUNTRY_CODES } from '../../bridge/src/contract/countries';
import { customerSchemaFor } from '../../bridge/src/contract/customer';
import { fieldErrorsFrom } from '../../bridge/src/contract/errors';
import type { CustomerField, Level } from '../../bridge/src/contract/levels';
import type { Threshold } from '../../bridge/src/contract/threshold';
import { fieldPresentation } from '../shared/fields';
import { fieldsFor, levelForBlock } from '../shared/levels';
import { fieldMessage } from '../shared/messages';

interface Config {
	postId: number;
	blockId: string;
	siteLevel: Level;
	blockLevel: Level | '';
	threshold: Threshold | null;
	currency: string;
	total: string;
	buttonLabel: string;
	restUrl: string;
	nonce: string;
	order: string;
	cancelled: boolean;
}

interface RestError {
	code?: string;
	message?: string;
	data?: { status?: number; fields?: Record< string, { code: string } >; level?: Level | null };
}

const FINAL_STATUSES = [ 'completed', 'underpaid_accepted', 'underpaid', 'refunded', 'expired' ];

function el< K extends keyof HTMLElementTagNameMap >( tag: K, props: Record< string, unknown > = {}, ...children: ( Node | string )[] ): HTMLElementTagNameMap[ K ] {
	const node = Object.assign( document.createElement( tag ), props );
	node.append( ...children );
	return node;
}

function statusMessage( status: string ): string {
	switch ( status ) {
		case 'completed':
		case 'underpaid_accepted':
			return __( 'Payment received. Thank you!', 'crypto-customer-bridge' );
		case 'underpaid':
			return __( 'The payment was less than the amount due. The shop will contact you about the difference.', 'crypto-customer-bridge' );
		case 'refunded':
			return __( 'This payment was refunded.', 'crypto-customer-bridge' );
		case 'expired':
			return __( 'This payment expired before it was made. No money was taken.', 'crypto-customer-bridge' );
		default:
			return __( 'Waiting for the payment to be confirmed…', 'crypto-customer-bridge' );
	}
}

function countrySelect( id: string ): HTMLSelectElement {
	const names = new Intl.DisplayNames( [ document.documentElement.lang || 'en' ], { type: 'region' } );
	const options = [ ...COUNTRY_CODES ].map( ( code ): [ string, string ] => [ code, names.of( code ) ?? code ] ).sort( ( a, b ) => a[ 1 ].localeCompare( b[ 1 ] ) );
	const select = el( 'select', { id } );
	select.append( el( 'option', { value: '' }, __( 'Choose a country', 'crypto-customer-bridge' ) ) );
	for ( const [ code, name ] of options ) select.append( el( 'option', { value: code }, name ) );
	return select;
}

class CheckoutForm {
	private level: Level;
	private readonly attempt = crypto.randomUUID();
	private form = el( 'form', { noValidate: true, className: 'ccb-checkout__form' } );
	private notice = el( 'div', { className: 'ccb-checkout__notice', hidden: true } );
	private inputs = new Map< CustomerField, HTMLInputElement | HTMLSelectElement >();

	constructor( private readonly root: HTMLElement, private readonly config: Config ) {
		this.level = levelForBlock( config.siteLevel, config.blockLevel, config.threshold, config.total, config.currency );
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
			const input = type === 'country' ? countrySelect( id ) : el( 'input', { id, type } );
			const isRequired = required.includes( field );
			input.name = field;
			input.autocomplete = autocomplete as AutoFill;
			input.required = isRequired;
			input.setAttribute( 'aria-describedby', `${ id }-error` );
			const labelNode = el( 'label', { htmlFor: id }, label );
			if ( isRequired ) labelNode.append( el( 'span', { className: 'ccb-field__required', ariaHidden: 'true' }, ' *' ) );
			this.form.append( el( 'div', { className: 'ccb-field' }, labelNode, input, el( 'p', { id: `${ id }-error`, className: 'ccb-field__error', hidden: true } ) ) );
			this.inputs.set( field, input );
		}
		if ( this.config.cancelled ) this.showNotice( __( 'Payment cancelled. Nothing was charged.', 'crypto-customer-bridge' ), 'info' );
		this.form.append(
			this.notice,
			el( 'button', { type: 'submit', className: 'wp-element-button ccb-checkout__button' }, this.config.buttonLabel || __( 'Pay with crypto', 'crypto-customer-bridge' ) ),
		);
		this.root.replaceChildren( this.form );
	}

	private values(): Record< string, string > {
		const values: Record< string, string > = {};
		for ( const [ field, input ] of this.inputs ) values[ field ] = input.value;
		return values;
	}

	private showErrors( fields: Record< string, { code: string } > ): void {
		let first: HTMLElement | null = null;
		for ( const [ field, input ] of this.inputs ) {
			const error = fields[ field ] ?? fields[ `customer.${ field }` ];
			const message = this.root.querySelector< HTMLElement >( `#${ CSS.escape( input.id ) }-error` )!;
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
			const parsed = customerSchemaFor( this.level ).safeParse( this.values() );
			if ( ! parsed.success ) return this.showErrors( fieldErrorsFrom( parsed.error ) );
			customer = parsed.data as Record< string, string >;
		}
		this.showErrors( {} );
		const button = this.form.querySelector( 'button' )!;
		button.disabled = true;
		button.setAttribute( 'aria-busy', 'true' );
		try {
			const response = await fetch( `${ this.config.restUrl }checkouts`, {
				method: 'POST',
				headers: { 'Content-Type': 'application/json', 'X-WP-Nonce': this.config.nonce },
				body: JSON.stringify( { postId: this.config.postId, blockId: this.config.blockId, attempt: this.attempt, customer } ),
			} );
			const body = ( await response.json().catch( () => ( {} ) ) ) as RestError & { redirectUrl?: string };
			if ( response.ok && body.redirectUrl ) {
				this.showNotice( __( 'Taking you to the payment page…', 'crypto-customer-bridge' ), 'info' );
				window.location.assign( body.redirectUrl );
				return;
			}
			if ( body.data?.level && body.data.level !== this.level ) {
				// The bridge asked for more (the threshold): show the fields it needs, keeping what was typed.
				const typed = this.values();
				this.level = body.data.level;
				this.render();
				for ( const [ field, input ] of this.inputs ) input.value = typed[ field ] ?? '';
			}
			if ( body.data?.fields && Object.keys( body.data.fields ).length ) this.showErrors( body.data.fields );
			this.showNotice( body.message ?? __( 'The payment could not be started. Please try again.', 'crypto-customer-bridge' ) );
		} catch {
			this.showNotice( __( 'Your connection seems to be down. Nothing was charged; please try again.', 'crypto-customer-bridge' ) );
		} finally {
			button.disabled = false;
			button.removeAttribute( 'aria-busy' );
		}
	}
}

async function showStatus( root: HTMLElement, config: Config ): Promise< void > {
	const status = el( 'p', { className: 'ccb-checkout__status' }, __( 'Checking your payment…', 'crypto-customer-bridge' ) );
	status.setAttribute( 'role', 'status' );
	status.setAttribute( 'aria-live', 'polite' );
	root.replaceChildren( status );
	for ( let attempt = 0; attempt < 90; attempt++ ) {
		try {
			const response = await fetch( `${ config.restUrl }checkouts/status?order=${ encodeURIComponent( config.order ) }` );
			const body = await response.json();
			if ( response.ok ) {
				status.textContent = statusMessage( body.status );
				status.dataset.status = body.status;
				if ( FINAL_STATUSES.includes( body.status ) ) return;
			} else if ( response.status === 404 ) {
				status.textContent = body.message;
				return;
			}
		} catch {
			// Offline for a moment: keep trying.
		}
		await new Promise( ( resolve ) => setTimeout( resolve, attempt < 10 ? 1000 : 3000 ) );
	}
	status.textContent = sprintf(
		/* translators: %s: the order reference */
		__( 'The payment is still being confirmed. You can close this page; reference %s.', 'crypto-customer-bridge' ),
		config.order,
	);
}

for ( const root of document.querySelectorAll< HTMLElement >( '[data-ccb-checkout]' ) ) {
	const config = JSON.parse( root.dataset.ccbCheckout ?? '{}' ) as Config;
	const app = root.querySelector< HTMLElement >( '.ccb-checkout__app' )!;
	if ( config.order ) void showStatus( app, config );
	else new CheckoutForm( app, config ).render();
}
