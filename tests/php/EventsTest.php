<?php

use CryptoCustomerBridge\Bridge\Connection;
use CryptoCustomerBridge\Bridge\Signature;

final class EventsTest extends WordPressTestCase {

	private function send( array $event, ?Connection $as = null ): WP_REST_Response {
		$body                   = wp_json_encode( $event );
		$path                   = '/wp-json/ccb/v1/events';
		$_SERVER['REQUEST_URI'] = $path;
		$connection             = $as ?? Connection::from_array( get_option( 'ccb_connection' ) );
		return $this->rest( 'POST', '/ccb/v1/events', $body, Signature::headers( $connection, 'POST', $path, $body ) );
	}

	public function test_each_signed_event_is_handled_once(): void {
		$seen = 0;
		add_action(
			'ccb_event_checkout_completed',
			static function () use ( &$seen ) {
				$seen++;
			}
		);
		$event = array(
			'id'        => wp_generate_uuid4(),
			'type'      => 'checkout.completed',
			'createdAt' => gmdate( 'c' ),
			'data'      => array( 'checkout' => array( 'id' => wp_generate_uuid4() ) ),
		);
		$first  = $this->send( $event );
		$second = $this->send( $event );
		$this->assertSame( 200, $first->get_status() );
		$this->assertFalse( $first->get_data()['duplicate'] );
		$this->assertTrue( $second->get_data()['duplicate'] );
		$this->assertSame( 1, $seen );
	}

	public function test_unsigned_or_wrongly_signed_events_are_refused(): void {
		$event = array( 'id' => wp_generate_uuid4(), 'type' => 'checkout.completed', 'data' => array() );
		$this->assertSame( 401, $this->rest( 'POST', '/ccb/v1/events', wp_json_encode( $event ) )->get_status() );
		$saved = get_option( 'ccb_connection' );
		$wrong = new Connection( $saved['url'], $saved['key_id'], str_repeat( 'x', 43 ) );
		$this->assertSame( 401, $this->send( $event, $wrong )->get_status() );
	}

	public function test_a_signed_but_unreadable_event_is_a_400(): void {
		$this->assertSame( 400, $this->send( array( 'nothing' => true ) )->get_status() );
	}

	public function test_a_handler_that_fails_means_a_retry_not_a_lost_event(): void {
		$attempts = 0;
		$fail     = static function () use ( &$attempts ) {
			$attempts++;
			if ( 1 === $attempts ) {
				throw new RuntimeException( 'the order table is locked' );
			}
		};
		add_action( 'ccb_event_checkout_underpaid', $fail );
		$event = array( 'id' => wp_generate_uuid4(), 'type' => 'checkout.underpaid', 'createdAt' => gmdate( 'c' ), 'data' => array( 'checkout' => array( 'id' => wp_generate_uuid4() ) ) );
		$this->assertSame( 500, $this->send( $event )->get_status(), 'the bridge keeps it and delivers it again' );
		$again = $this->send( $event );
		$this->assertSame( 200, $again->get_status() );
		$this->assertFalse( $again->get_data()['duplicate'], 'the retry is handled, not taken for a duplicate' );
		$this->assertSame( 2, $attempts );
		$this->assertTrue( $this->send( $event )->get_data()['duplicate'] );
		remove_action( 'ccb_event_checkout_underpaid', $fail );
	}

	public function test_a_database_error_is_never_taken_for_already_handled(): void {
		global $wpdb;
		$seen = 0;
		$count = static function () use ( &$seen ) {
			$seen++;
		};
		add_action( 'ccb_event_checkout_refunded', $count );
		$event = array( 'id' => wp_generate_uuid4(), 'type' => 'checkout.refunded', 'createdAt' => gmdate( 'c' ), 'data' => array() );
		$table = CryptoCustomerBridge\Events\EventLog::table();
		$wpdb->suppress_errors( true );
		// A missing event table (a failed activation, a half-restored backup).
		$wpdb->query( "RENAME TABLE {$table} TO {$table}_away" ); // phpcs:ignore
		try {
			$this->assertSame( 500, $this->send( $event )->get_status() );
		} finally {
			$wpdb->query( "RENAME TABLE {$table}_away TO {$table}" ); // phpcs:ignore
			$wpdb->suppress_errors( false );
		}
		$this->assertSame( 0, $seen, 'nothing acted on while the log could not be read' );
		$this->assertFalse( $this->send( $event )->get_data()['duplicate'] );
		$this->assertSame( 1, $seen );
		remove_action( 'ccb_event_checkout_refunded', $count );
	}
}
