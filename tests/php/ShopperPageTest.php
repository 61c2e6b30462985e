<?php

use CryptoCustomerBridge\Blocks\CheckoutPost;
use CryptoCustomerBridge\Blocks\CheckoutService;
use CryptoCustomerBridge\Blocks\Receipt;
use CryptoCustomerBridge\Contract;
use CryptoCustomerBridge\Money;
use CryptoCustomerBridge\Settings;

/**
 * The checkout block as PHP renders it for a shopper (the form, its constraints from the contract,
 * the country list, money, the receipt) and the plain form post without JavaScript, against the
 * test site's real bridge.
 */
final class ShopperPageTest extends WordPressTestCase {

	private const BLOCK = 'demo-block-0001';

	/** The demo page's block, rendered as WordPress renders it for a visitor. */
	private function render( array $attrs = array() ): string {
		return render_block(
			array(
				'blockName'    => 'crypto-customer-bridge/checkout',
				'attrs'        => $attrs + array(
					'blockId'  => self::BLOCK,
					'currency' => 'EUR',
					'items'    => array(
						array( 'description' => 'Tea cup', 'amount' => '19.99', 'quantity' => 3 ),
						array( 'description' => 'Saucer', 'amount' => '5', 'quantity' => 1 ),
					),
					'total'    => '64.97',
				),
				'innerBlocks'  => array(),
				'innerHTML'    => '',
				'innerContent' => array(),
			)
		);
	}

	private function dom( string $html ): DOMXPath {
		$doc = new DOMDocument();
		libxml_use_internal_errors( true );
		$doc->loadHTML( '<?xml encoding="utf-8"?>' . $html );
		libxml_clear_errors();
		return new DOMXPath( $doc );
	}

	private function demo_post(): int {
		return (int) get_page_by_path( 'pay' )->ID;
	}

	protected function tearDown(): void {
		$_POST = array();
		unset( $_SERVER['REQUEST_METHOD'] );
		parent::tearDown();
	}

	public function test_the_form_asks_the_levels_fields_with_the_contracts_constraints(): void {
		update_option( 'ccb_level', 'compliant' );
		update_option( 'ccb_threshold', array( 'amount' => '', 'currency' => '' ) );
		$xpath  = $this->dom( $this->render() );
		$fields = $xpath->query( '//*[starts-with(@name, "ccb[")]' );
		$names  = array();
		foreach ( $fields as $field ) {
			$names[] = substr( $field->getAttribute( 'name' ), 4, -1 );
		}
		$this->assertSame( Contract::asked( 'compliant' ), $names );
		foreach ( $fields as $field ) {
			$name = substr( $field->getAttribute( 'name' ), 4, -1 );
			$html = Contract::field_html( $name );
			$this->assertSame( $html['autocomplete'], $field->getAttribute( 'autocomplete' ), $name );
			$required = in_array( $name, Contract::required( 'compliant' ), true ) && 'postalCode' !== $name;
			$this->assertSame( $required, $field->hasAttribute( 'required' ), $name );
			if ( 'select' !== $field->nodeName ) {
				$this->assertSame( (string) $html['maxlength'], $field->getAttribute( 'maxlength' ), $name );
			}
			// Every field has a label naming it.
			$this->assertSame( 1, $xpath->query( '//label[@for="' . $field->getAttribute( 'id' ) . '"]' )->length, $name );
		}
		$email = $xpath->query( '//input[@name="ccb[email]"]' )->item( 0 );
		$this->assertSame( 'email', $email->getAttribute( 'type' ) );
		$this->assertSame( 'Enter a valid email address, like name@example.com.', $email->getAttribute( 'data-invalid' ) );
		$phone = $xpath->query( '//input[@name="ccb[phone]"]' )->item( 0 );
		$this->assertSame( 'tel', $phone->getAttribute( 'type' ) );
		$this->assertSame( 1, preg_match( '/' . $phone->getAttribute( 'pattern' ) . '/', '+49 (30) 123-456' ) );
		// The postcode follows the country (view.js); the list it follows is the contract's.
		$this->assertTrue( $xpath->query( '//input[@name="ccb[postalCode]"]' )->item( 0 )->hasAttribute( 'data-postcode' ) );
		$marked = array();
		foreach ( $xpath->query( '//option[@data-no-postcode]' ) as $option ) {
			$marked[] = $option->getAttribute( 'value' );
		}
		sort( $marked );
		$this->assertSame( Contract::countries_without_postcodes(), $marked );
		$this->assertContains( 'AE', Contract::countries_without_postcodes() );
		$this->assertNotContains( 'DE', Contract::countries_without_postcodes() );
		$this->assertContains( 'HK', Contract::countries_without_postcodes() );
		// The contract's countries, sorted by name, after "Choose a country".
		$options = $xpath->query( '//select[@name="ccb[countryCode]"]/option' );
		$this->assertSame( count( Contract::country_codes() ) + 1, $options->length );
		$this->assertSame( '', $options->item( 0 )->getAttribute( 'value' ) );
		$this->assertSame( 'AF', $options->item( 1 )->getAttribute( 'value' ) );
		$this->assertSame( 'Afghanistan', trim( $options->item( 1 )->textContent ) );
	}

	public function test_lines_and_total_are_written_exactly_in_the_pages_language(): void {
		$html = $this->render();
		$this->assertStringContainsString( 'Tea cup × 3</span> <span>€59.97</span>', $html );
		$this->assertStringContainsString( '€5.00', $html );
		$this->assertStringContainsString( 'Total: €64.97', $html );
		$this->assertSame( '59.97', Money::times( '19.99', 3 ) );
		$this->assertSame( '0.3', Money::times( '0.1', 3 ) );
		$this->assertSame( '1234567890123450', Money::times( '123456789012345', 10 ) );
		$this->assertSame( '0.000000000000000021', Money::times( '0.000000000000000007', 3 ) );
		$this->assertSame( 0, Money::compare( '19.9', '19.90' ) );
		$this->assertSame( 1, Money::compare( '100', '99.999' ) );
		$this->assertSame( -1, Money::compare( '0.05', '0.5' ) );
		$this->assertSame( "64,97\u{a0}€", Money::format( '64.97', 'EUR', 'de_DE' ) );
		$this->assertSame( '¥1,000', Money::format( '1000', 'JPY', 'en_US' ) );
		$this->assertSame( '0,00123000 BTC', str_replace( "\u{a0}", ' ', Money::format( '0.00123', 'BTC', 'de_DE' ) ) );
		$this->assertSame( '5.0000000 USDC', Money::format( '5', 'USDC', 'en_US' ) );
	}

	public function test_the_threshold_and_the_block_raise_the_level_as_the_contract_does(): void {
		update_option( 'ccb_level', 'minimal' );
		update_option( 'ccb_threshold', array( 'amount' => '50', 'currency' => 'EUR' ) );
		$this->assertCount( 11, $this->dom( $this->render() )->query( '//div[@class="ccb-field"]' ) );
		$this->assertCount( 3, $this->dom( $this->render( array( 'total' => '49.99', 'items' => array( array( 'description' => 'Cup', 'amount' => '49.99', 'quantity' => 1 ) ) ) ) )->query( '//div[@class="ccb-field"]' ) );
		$this->assertSame( 'compliant', Contract::level_for_block( 'minimal', '', array( 'amount' => '50', 'currency' => 'EUR' ), '10', 'USD' ), 'another currency counts as reaching it' );
		$this->assertSame( 'compliant', Contract::level_for_block( 'none', 'compliant', null, '1', 'EUR' ), 'a block may ask more' );
		$this->assertSame( 'minimal', Contract::level_for_block( 'minimal', 'none', null, '1', 'EUR' ), 'never less than the site' );
		update_option( 'ccb_level', 'none' );
		update_option( 'ccb_threshold', array( 'amount' => '', 'currency' => '' ) );
		$this->assertCount( 0, $this->dom( $this->render() )->query( '//div[@class="ccb-field"]' ) );
	}

	public function test_a_post_with_a_stale_nonce_renders_the_form_again_with_what_was_typed(): void {
		update_option( 'ccb_level', 'minimal' );
		$_SERVER['REQUEST_METHOD'] = 'POST';
		$_POST                     = array(
			'ccb_post'    => (string) $this->demo_post(),
			'ccb_block'   => self::BLOCK,
			'ccb_attempt' => 'attempt-php-stale',
			'ccb_nonce'   => 'stale',
			'ccb'         => array(
				'firstName' => 'Ada',
				'lastName'  => 'Lovelace',
				'email'     => 'ada@engine.example',
			),
		);
		( new CheckoutPost( new Settings() ) )->handle();
		$xpath = $this->dom( $this->render() );
		$this->assertSame( 'This page has expired. Reload it and try again.', trim( $xpath->query( '//*[@role="alert"]' )->item( 0 )->textContent ) );
		$this->assertSame( 'Ada', $xpath->query( '//input[@name="ccb[firstName]"]' )->item( 0 )->getAttribute( 'value' ) );
		$this->assertSame( 'attempt-php-stale', $xpath->query( '//input[@name="ccb_attempt"]' )->item( 0 )->getAttribute( 'value' ) );
	}

	public function test_the_bridges_field_errors_come_back_translated_and_tied_to_their_fields(): void {
		update_option( 'ccb_level', 'minimal' );
		$values = array(
			'firstName' => 'Ada',
			'lastName'  => 'Lovelace',
			'email'     => 'ada@engine',
		);
		$result = CheckoutPost::submit( new Settings(), $this->demo_post(), self::BLOCK, 'attempt-php-' . wp_generate_password( 8, false ), wp_create_nonce( 'wp_rest' ), $values );
		$this->assertInstanceOf( WP_Error::class, $result );
		$this->assertSame( 'ccb_validation_failed', $result->get_error_code() );
		$data = $result->get_error_data();
		$this->assertSame(
			array(
				'email' => array(
					'code'    => 'invalid_email',
					'message' => 'Enter a valid email address, like name@example.com.',
				),
			),
			$data['fields']
		);

		// Rendered as the form after the post.
		$_SERVER['REQUEST_METHOD'] = 'POST';
		$_POST                     = array(
			'ccb_post'    => (string) $this->demo_post(),
			'ccb_block'   => self::BLOCK,
			'ccb_attempt' => 'attempt-php-' . wp_generate_password( 8, false ),
			'ccb_nonce'   => wp_create_nonce( 'wp_rest' ),
			'ccb'         => $values,
		);
		( new CheckoutPost( new Settings() ) )->handle();
		$xpath = $this->dom( $this->render() );
		$email = $xpath->query( '//input[@name="ccb[email]"]' )->item( 0 );
		$this->assertSame( 'true', $email->getAttribute( 'aria-invalid' ) );
		$this->assertSame( 'Enter a valid email address, like name@example.com.', $xpath->query( '//*[@id="' . $email->getAttribute( 'aria-describedby' ) . '"]' )->item( 0 )->textContent );
		$this->assertSame( 'ada@engine', $email->getAttribute( 'value' ) );
		$this->assertFalse( $xpath->query( '//input[@name="ccb[firstName]"]' )->item( 0 )->hasAttribute( 'aria-invalid' ) );
		$this->assertSame( 'Please check the highlighted fields.', trim( $xpath->query( '//*[@role="alert"]' )->item( 0 )->textContent ) );
	}

	public function test_a_valid_post_opens_the_payment_page_once_per_attempt(): void {
		update_option( 'ccb_level', 'minimal' );
		$attempt = 'attempt-php-' . wp_generate_password( 8, false );
		$values  = array(
			'firstName' => 'Ada',
			'lastName'  => 'Lovelace',
			'email'     => 'ada@engine.example',
		);
		$first   = CheckoutPost::submit( new Settings(), $this->demo_post(), self::BLOCK, $attempt, wp_create_nonce( 'wp_rest' ), $values );
		$this->assertIsArray( $first );
		$this->assertMatchesRegularExpression( '#/sandbox/checkout/[a-z0-9]{12}$#', $first['redirectUrl'] );
		$again = CheckoutPost::submit( new Settings(), $this->demo_post(), self::BLOCK, $attempt, wp_create_nonce( 'wp_rest' ), $values );
		$this->assertSame( $first, $again, 'a second post of the same form: the same checkout' );
	}

	public function test_the_receipt_shows_the_bridges_status_and_a_way_to_check_again(): void {
		$unknown = ( new CheckoutService( new Settings() ) )->status( 'wp-1-' . str_repeat( 'cd', 10 ) );
		$this->assertInstanceOf( WP_Error::class, $unknown );
		$html  = Receipt::html(
			'wp-1-0123456789abcdef0123',
			array(
				'status'   => 'underpaid',
				'final'    => true,
				'message'  => 'The payment was less than the amount due. The shop will contact you about the difference.',
				'next'     => 'Nothing more is needed from you right now: keep the reference above, the shop will be in touch.',
				'amount'   => '€64.97',
				'received' => '€60.00',
			),
			'https://shop.example/pay/'
		);
		$xpath = $this->dom( $html );
		$this->assertSame( 'The payment was less than the amount due. The shop will contact you about the difference.', $xpath->query( '//*[@role="status"]' )->item( 0 )->textContent );
		$this->assertSame( array( 'Order reference', 'Amount', 'Received' ), array_map( 'trim', array_map( static fn( $n ) => $n->textContent, iterator_to_array( $xpath->query( '//dt' ) ) ) ) );
		$this->assertFalse( $xpath->query( '//div[@class="ccb-receipt__received"]' )->item( 0 )->hasAttribute( 'hidden' ) );
		$this->assertTrue( $xpath->query( '//a[@class="ccb-receipt__check"]' )->item( 0 )->hasAttribute( 'hidden' ), 'final: nothing to check again' );

		$waiting = $this->dom( Receipt::html( 'wp-1-0123456789abcdef0123', $unknown, 'https://shop.example/pay/' ) );
		$this->assertSame( 'No payment was found for this link.', $waiting->query( '//*[@role="status"]' )->item( 0 )->textContent );
	}
}
