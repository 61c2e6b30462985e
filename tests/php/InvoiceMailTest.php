<?php
/**
 * Invoices sent by WordPress: a real sandbox payment on the real bridge, then the event's delivery
 * mails the PDF through wp_mail to a real SMTP server (started here), and records each sending.
 */

use CryptoCustomerBridge\Invoices\Delivery;
use CryptoCustomerBridge\Invoices\MailLog;
use CryptoCustomerBridge\Settings;

final class InvoiceMailTest extends WordPressTestCase {

	/** @var resource */
	private static $smtp;
	/** @var int */
	private static $port;
	/** @var string */
	private static $inbox;

	public static function setUpBeforeClass(): void {
		self::$inbox = tempnam( sys_get_temp_dir(), 'ccb-mails' );
		self::$smtp  = proc_open(
			array( 'node', __DIR__ . '/support/smtp-sink.mjs', self::$inbox ),
			array( 1 => array( 'pipe', 'w' ) ),
			$pipes
		);
		self::$port = (int) json_decode( (string) fgets( $pipes[1] ), true )['port'];
		// The bridge would also deliver the payment's event to the test site's web server, which would
		// send and record the same mails beside this test: here the test delivers it alone.
		( new Settings() )->client()->request( 'PATCH', '/v1/shop', array( 'eventUrl' => null ) );
	}

	public static function tearDownAfterClass(): void {
		( new Settings() )->client()->request( 'PATCH', '/v1/shop', array( 'eventUrl' => rest_url( 'ccb/v1/events' ) ) );
		proc_terminate( self::$smtp );
		@unlink( self::$inbox );
	}

	protected function setUp(): void {
		parent::setUp();
		file_put_contents( self::$inbox, '' );
		// WordPress sends through the test's SMTP server, as a site's own mail setup would (the test
		// site otherwise drops every mail: there is no mail server on it).
		remove_all_filters( 'pre_wp_mail' );
		add_action( 'phpmailer_init', array( $this, 'use_smtp' ) );
		update_option( 'admin_email', 'owner@shop.example' );
	}

	protected function tearDown(): void {
		remove_action( 'phpmailer_init', array( $this, 'use_smtp' ) );
		add_filter( 'pre_wp_mail', '__return_true' );
		parent::tearDown();
	}

	public function use_smtp( $mailer ): void {
		$mailer->isSMTP();
		$mailer->Host        = '127.0.0.1';
		$mailer->Port        = self::$port;
		$mailer->SMTPAuth    = false;
		$mailer->SMTPAutoTLS = false;
	}

	/** @return array<int, array{from: string, to: string[], raw: string}> */
	private function mails(): array {
		return array_map(
			static function ( string $line ) {
				return json_decode( $line, true );
			},
			array_filter( explode( "\n", (string) file_get_contents( self::$inbox ) ) )
		);
	}

	/**
	 * A checkout at the given level paid on the sandbox; returns the event the bridge sent for it.
	 *
	 * @param array<string, mixed> $customer The customer, or none.
	 * @return array<string, mixed>
	 */
	private function paid_event( string $level, ?array $customer ): array {
		$client   = ( new Settings() )->client();
		$request  = array(
			'level'         => $level,
			'orderRef'      => 'mail-' . wp_generate_password( 8, false ),
			'currency'      => 'EUR',
			'lineItems'     => array(
				array(
					'description' => 'Tea',
					'netAmount'   => '10.00',
					'quantity'    => 2,
				),
			),
			'expectedTotal' => '20.00',
			'returnUrl'     => 'https://shop.example/return',
			'cancelUrl'     => 'https://shop.example/cancel',
		);
		if ( $customer ) {
			$request['customer'] = $customer;
		}
		$created = $client->request( 'POST', '/v1/checkouts', $request, array( 'Idempotency-Key' => wp_generate_uuid4() ) );
		$this->assertIsArray( $created, 'the checkout was opened' );
		$checkout = $created['checkout'];
		wp_remote_post( $checkout['url'] . '/pay', array( 'redirection' => 0 ) );
		for ( $i = 0; $i < 50; $i++ ) {
			$found = $client->request( 'GET', '/v1/invoices?checkoutId=' . $checkout['id'] );
			if ( ! empty( $found['items'] ) ) {
				$invoice = $found['items'][0];
				return array(
					'type' => 'checkout.completed',
					'data' => array(
						'checkout' => $checkout,
						'invoice'  => array(
							'id'     => $invoice['id'],
							'number' => $invoice['number'],
							'kind'   => $invoice['kind'],
						),
					),
				);
			}
			usleep( 100000 );
		}
		$this->fail( 'no invoice was issued' );
	}

	public function test_a_paid_checkout_mails_the_invoice_pdf_to_the_customer_and_the_merchant(): void {
		$event = $this->paid_event(
			'minimal',
			array(
				'firstName' => 'Łukasz',
				'lastName'  => 'Øster',
				'email'     => 'lukasz@buyer.example',
			)
		);
		( new Delivery( new Settings() ) )->on_event( $event );

		$mails = $this->mails();
		$this->assertCount( 2, $mails, 'one mail to the customer, one to the merchant' );
		$this->assertSame( array( array( 'lukasz@buyer.example' ), array( 'owner@shop.example' ) ), array_column( $mails, 'to' ) );
		$number = $event['data']['invoice']['number'];
		foreach ( $mails as $mail ) {
			$this->assertStringContainsString( 'Invoice ' . $number, $mail['raw'] );
			$this->assertMatchesRegularExpression( '/Content-Type: application\/pdf; name=' . preg_quote( $number, '/' ) . '\.pdf/', $mail['raw'] );
			// The attachment is the PDF itself (base64 of "%PDF-").
			$this->assertStringContainsString( 'JVBERi0', $mail['raw'] );
		}
		$sent = MailLog::for_checkout( $event['data']['checkout']['id'] );
		$this->assertSame( array( 'sent', 'sent' ), array_column( $sent, 'status' ) );
	}

	public function test_without_an_email_only_the_merchant_is_mailed(): void {
		( new Settings() )->client()->request( 'PATCH', '/v1/shop', array( 'level' => 'none' ) );
		try {
			$event = $this->paid_event( 'none', null );
		} finally {
			( new Settings() )->client()->request( 'PATCH', '/v1/shop', array( 'level' => 'minimal' ) );
		}
		( new Delivery( new Settings() ) )->on_event( $event );
		$this->assertSame( array( array( 'owner@shop.example' ) ), array_column( $this->mails(), 'to' ) );
	}

	public function test_a_failed_sending_is_recorded_with_its_reason_and_can_be_sent_again(): void {
		$event = $this->paid_event(
			'minimal',
			array(
				'firstName' => 'Ada',
				'lastName'  => 'Lovelace',
				'email'     => 'ada@buyer.example',
			)
		);
		$real = self::$port;
		self::$port = 1; // Nothing listens there: the mail server is down.
		( new Delivery( new Settings() ) )->on_event( $event );
		self::$port = $real;
		$rows = MailLog::for_checkout( $event['data']['checkout']['id'] );
		$this->assertSame( array( 'failed', 'failed' ), array_column( $rows, 'status' ) );
		$this->assertNotEmpty( $rows[0]['error'] );
		$this->assertSame( array(), $this->mails() );

		$this->as_role( 'administrator' );
		$customer = array_values( array_filter( $rows, static function ( $r ) { return 'customer' === $r['recipient']; } ) )[0];
		$this->assertSame( '1', (string) $customer['attempts'], 'one attempt so far' );
		$response = $this->rest( 'POST', '/ccb/v1/admin/invoice-mails/' . $customer['id'] . '/resend' );
		$this->assertSame( 200, $response->get_status() );
		$this->assertSame( array( array( 'ada@buyer.example' ) ), array_column( $this->mails(), 'to' ) );
		$after = MailLog::find( (int) $customer['id'] );
		$this->assertSame( array( 'sent', '2' ), array( $after['status'], (string) $after['attempts'] ) );
	}

	public function test_only_managers_may_send_again_or_download(): void {
		$this->as_role( 'editor' );
		$this->assertSame( 403, $this->rest( 'POST', '/ccb/v1/admin/invoice-mails/1/resend' )->get_status() );
		$this->assertSame( 403, $this->rest( 'GET', '/ccb/v1/admin/invoices/00000000-0000-4000-8000-000000000000/pdf' )->get_status() );
	}
}
