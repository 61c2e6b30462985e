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
}
