import {
	Button,
	Notice,
	PanelBody,
	PanelRow,
	TextControl,
} from '@wordpress/components';
import { useState } from '@wordpress/element';
import { __, sprintf } from '@wordpress/i18n';
import {
	errorMessage,
	saveConnection,
	testConnection,
	type ConnectionState,
	type ConnectionTest,
} from './api';

interface Props {
	state: ConnectionState | null;
	onChanged: () => void;
}

/**
 * Paste the connection string (write-only) and test the bridge and processor behind it.
 * @param root0
 * @param root0.state
 * @param root0.onChanged
 */
export default function ConnectionPanel( { state, onChanged }: Props ) {
	const [ value, setValue ] = useState( '' );
	const [ busy, setBusy ] = useState( false );
	const [ result, setResult ] = useState< ConnectionTest | null >( null );
	const [ error, setError ] = useState( '' );

	const run = async ( action: () => Promise< ConnectionTest > ) => {
		setBusy( true );
		setError( '' );
		setResult( null );
		try {
			setResult( await action() );
			setValue( '' );
			onChanged();
		} catch ( e ) {
			setError( errorMessage( e ) );
		} finally {
			setBusy( false );
		}
	};

	return (
		<PanelBody
			title={ __( 'Connection to the bridge', 'crypto-customer-bridge' ) }
			initialOpen
		>
			<p>
				{ state?.configured
					? sprintf(
							/* translators: 1: bridge URL, 2: key id */ __(
								'Connected to %1$s as %2$s. The secret is set and is never shown again.',
								'crypto-customer-bridge'
							),
							state.bridgeUrl ?? '',
							state.keyId ?? ''
						)
					: __(
							'Not connected yet. Paste the connection string the bridge printed when your shop was created.',
							'crypto-customer-bridge'
						) }
			</p>
			<TextControl
				__nextHasNoMarginBottom
				label={ __( 'Connection string', 'crypto-customer-bridge' ) }
				type="password"
				autoComplete="off"
				value={ value }
				placeholder={
					state?.configured
						? __(
								'(set — paste a new one to replace it)',
								'crypto-customer-bridge'
							)
						: 'ccb+https://…'
				}
				onChange={ setValue }
			/>
			<PanelRow>
				<Button
					variant="primary"
					disabled={ busy || ! value.trim() }
					isBusy={ busy }
					onClick={ () =>
						run( () => saveConnection( value.trim() ) )
					}
				>
					{ __( 'Save connection', 'crypto-customer-bridge' ) }
				</Button>
				<Button
					variant="secondary"
					disabled={ busy || ! state?.configured }
					isBusy={ busy }
					onClick={ () => run( testConnection ) }
				>
					{ __( 'Test connection', 'crypto-customer-bridge' ) }
				</Button>
			</PanelRow>
			<div aria-live="polite">
				{ error && (
					<Notice status="error" isDismissible={ false }>
						{ error }
					</Notice>
				) }
				{ result && (
					<Notice
						status={ result.processor?.ok ? 'success' : 'warning' }
						isDismissible={ false }
					>
						<p>
							{ sprintf(
								/* translators: %s: bridge URL */ __(
									'Bridge reachable at %s.',
									'crypto-customer-bridge'
								),
								result.bridge.url
							) }
						</p>
						{ result.shop?.processor.sandbox && (
							<p>
								<strong>
									{ __(
										'Sandbox processor: test payments only, no money moves.',
										'crypto-customer-bridge'
									) }
								</strong>
							</p>
						) }
						{ /* The sandbox's own message says what the line above says. */ }
						{ result.processor &&
							! (
								result.shop?.processor.sandbox &&
								result.processor.ok
							) && <p>{ result.processor.message }</p> }
					</Notice>
				) }
				{ state?.sync && ! state.sync.ok && (
					<Notice status="warning" isDismissible={ false }>
						{ sprintf(
							/* translators: %s: error message */ __(
								'The last settings change could not be sent to the bridge: %s',
								'crypto-customer-bridge'
							),
							state.sync.message
						) }
					</Notice>
				) }
			</div>
		</PanelBody>
	);
}
