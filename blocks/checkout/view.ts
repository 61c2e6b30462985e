/**
 * Enhances the checkout block that render.php wrote (the form works without this script): checks
 * the fields with their HTML constraints and submits with fetch, showing the bridge's field errors
 * without a reload; follows the country for the postcode; keeps what was typed in this tab across a
 * cancel or an expiry; keeps the receipt's status current. Every sentence comes from the page.
 */
type Field = HTMLInputElement | HTMLSelectElement;
type Errors = Record< string, { message: string } | undefined >;
interface Answer {
	redirectUrl?: string;
	message?: string;
	data?: { fields?: Errors; level?: string | null };
}
interface Status {
	status: string;
	final: boolean;
	message: string;
	next: string;
	received: string | null;
	invoiceUrl: string | null;
}

/**
 * Runs a sessionStorage call; storage may be refused (private mode, quota).
 * @param call The call.
 */
function storage( call: ( s: Storage ) => unknown ): unknown {
	try {
		return call( sessionStorage );
	} catch {
		return null;
	}
}

function enhanceForm(
	form: HTMLFormElement,
	key: string,
	go: ( url: string ) => void
): void {
	const text = form.dataset;
	const hidden = ( name: string ) =>
		( form.elements.namedItem( name ) as HTMLInputElement ).value;
	const inputs = [ ...form.elements ].filter( ( e ): e is Field =>
		( e as Field ).name.startsWith( 'ccb[' )
	);
	const name = ( input: Field ) => input.name.slice( 4, -1 );
	const notice = form.querySelector< HTMLElement >( '[role=alert]' )!;
	const button = form.querySelector( 'button' )!;
	const say = ( message = '' ) => {
		notice.hidden = ! message;
		notice.className = 'is-error';
		notice.textContent = message;
	};
	const show = ( errors: Errors ) => {
		let first: Field | undefined;
		for ( const input of inputs ) {
			const error = errors[ name( input ) ];
			const id = `${ input.id }-error`;
			// The message element is made when first needed: a form without errors carries none.
			const message =
				document.getElementById( id ) ??
				input.after(
					Object.assign( document.createElement( 'p' ), { id } )
				) ??
				( input.nextElementSibling as HTMLElement );
			input.setAttribute( 'aria-describedby', id );
			input.setAttribute( 'aria-invalid', String( !! error ) );
			message.hidden = ! error;
			message.textContent = error?.message ?? '';
			first ??= error && input;
		}
		first?.focus();
	};
	form.noValidate = true;
	// One attempt per page load, even from a page cache that served everyone the same one.
	const attempt = form.elements.namedItem(
		'ccb_attempt'
	) as HTMLInputElement;
	attempt.value = crypto.randomUUID?.() ?? attempt.value;

	// Back from a cancelled or expired payment: what was typed is still there.
	if ( inputs.every( ( input ) => ! input.value ) ) {
		const typed = JSON.parse(
			( storage( ( s ) => s.getItem( key ) ) as string ) || '{}'
		) as Record< string, string >;
		for ( const input of inputs ) {
			input.value = typed[ name( input ) ] ?? '';
		}
	}

	// The postcode is required only in a country that has postcodes (the page marks those without).
	const postcode =
		form.querySelector< HTMLInputElement >( '[data-postcode]' );
	const country = form.querySelector( 'select' );
	const follow = () => {
		if ( postcode ) {
			postcode.required =
				! country?.selectedOptions[ 0 ]?.hasAttribute(
					'data-no-postcode'
				);
		}
	};
	country?.addEventListener( 'change', follow );
	follow();

	form.addEventListener( 'submit', async ( event ) => {
		event.preventDefault();
		say();
		const errors: Errors = {};
		for ( const input of inputs ) {
			if ( ! input.checkValidity() ) {
				errors[ name( input ) ] = {
					message: input.validity.valueMissing
						? text.required!
						: input.dataset.invalid || input.validationMessage,
				};
			}
		}
		show( errors );
		if ( Object.keys( errors ).length ) {
			return;
		}
		const values = Object.fromEntries(
			inputs.map( ( input ) => [ name( input ), input.value ] )
		);
		button.disabled = true;
		try {
			const response = await fetch( text.rest!, {
				method: 'POST',
				headers: {
					'Content-Type': 'application/json',
					'X-WP-Nonce': hidden( 'ccb_nonce' ),
				},
				body: JSON.stringify( {
					postId: +hidden( 'ccb_post' ),
					blockId: hidden( 'ccb_block' ),
					attempt: hidden( 'ccb_attempt' ),
					customer: values,
				} ),
			} );
			const answer = ( await response
				.json()
				.catch( () => ( {} ) ) ) as Answer;
			if ( answer.redirectUrl ) {
				storage( ( s ) => s.setItem( key, JSON.stringify( values ) ) );
				go( answer.redirectUrl );
				return;
			}
			if (
				! answer.message ||
				( answer.data?.level && answer.data.level !== text.level )
			) {
				// The bridge asks for more (its threshold), or the answer is not one this script knows:
				// a plain form post, and the server renders what is needed.
				form.submit();
				return;
			}
			show( answer.data?.fields ?? {} );
			say( answer.message );
		} catch {
			say( text.offline );
		}
		button.disabled = false;
	} );
}

function followReceipt( receipt: HTMLElement, key: string ): void {
	const part = ( selector: string ) =>
		receipt.querySelector< HTMLElement >( selector )!;
	const status = part( '[role=status]' );
	const check = part( '.ccb-receipt__check' );
	let polls = 0;
	const settle = () => {
		if ( check.hidden && status.dataset.status !== 'expired' ) {
			// Final: what was typed for this payment need not be kept any longer.
			storage( ( s ) => s.removeItem( key ) );
		}
	};
	const poll = async () => {
		try {
			const response = await fetch(
				`${ receipt.dataset.rest }?order=${ receipt.dataset.order }`
			);
			const state = ( await response.json() ) as Status;
			if ( response.ok ) {
				status.textContent = state.message;
				status.dataset.status = state.status;
				part( '.ccb-receipt__next' ).textContent = state.next;
				const received = part( '.ccb-receipt__received' );
				received.hidden = ! state.received;
				received.lastChild!.textContent = state.received;
				check.hidden = state.final;
				part( '.ccb-receipt__again' ).hidden =
					state.status !== 'expired';
				const invoice = part(
					'.ccb-receipt__invoice'
				) as HTMLAnchorElement;
				invoice.hidden = ! state.invoiceUrl;
				invoice.href = state.invoiceUrl ?? '';
				if ( state.final ) {
					return settle();
				}
			}
		} catch {
			// Offline for a moment: keep trying.
		}
		if ( ++polls < 100 ) {
			setTimeout( poll, polls < 10 ? 1000 : 3000 );
		}
	};
	if ( check.hidden ) {
		settle();
	} else {
		void poll();
	}
}

/**
 * Enhances one checkout block.
 * @param root The block's element.
 * @param go   Goes to the payment page.
 */
export function enhance(
	root: HTMLElement,
	go = ( url: string ) => location.assign( url )
): void {
	const key = `ccb-typed-${ root.dataset.block }`;
	const form = root.querySelector( 'form' );
	const receipt = root.querySelector< HTMLElement >( '.ccb-receipt' );
	if ( form ) {
		enhanceForm( form, key, go );
	}
	if ( receipt ) {
		followReceipt( receipt, key );
	}
}

document
	.querySelectorAll< HTMLElement >( '.ccb-checkout' )
	.forEach( ( root ) => enhance( root ) );
