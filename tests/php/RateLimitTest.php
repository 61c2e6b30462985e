<?php

use CryptoCustomerBridge\Rest\ClientAddress;

/**
 * The public routes' rate limit, over real HTTP against the test site's PHP server (several
 * workers, so requests really run in parallel).
 */
final class RateLimitTest extends WordPressTestCase {

	/** Waits out the end of a minute, so a test's requests all fall in one window. */
	private function fresh_window(): void {
		if ( time() % 60 > 50 ) {
			sleep( 61 - time() % 60 );
		}
	}

	/**
	 * Sends the requests all at once; returns their statuses.
	 *
	 * @param array<int, array{0: string, 1: string, 2?: string}> $requests Method, path, body.
	 * @return int[]
	 */
	private function parallel( array $requests ): array {
		$multi   = curl_multi_init();
		$handles = array();
		foreach ( $requests as $r ) {
			$h = curl_init( getenv( 'CCB_URL' ) . $r[1] );
			curl_setopt_array(
				$h,
				array(
					CURLOPT_CUSTOMREQUEST  => $r[0],
					CURLOPT_RETURNTRANSFER => true,
					CURLOPT_HTTPHEADER     => array( 'Content-Type: application/json', 'X-WP-Nonce: ' . wp_create_nonce( 'wp_rest' ) ),
					CURLOPT_POSTFIELDS     => $r[2] ?? null,
					CURLOPT_TIMEOUT        => 30,
				)
			);
			curl_multi_add_handle( $multi, $h );
			$handles[] = $h;
		}
		do {
			curl_multi_exec( $multi, $running );
			curl_multi_select( $multi, 1.0 );
		} while ( $running > 0 );
		$statuses = array();
		foreach ( $handles as $h ) {
			$statuses[] = (int) curl_getinfo( $h, CURLINFO_HTTP_CODE );
			curl_multi_remove_handle( $multi, $h );
		}
		curl_multi_close( $multi );
		return $statuses;
	}

	public function test_each_request_counts_once(): void {
		$this->fresh_window();
		$statuses = array();
		for ( $i = 0; $i < 11; $i++ ) {
			$body       = wp_json_encode( array( 'postId' => 999999, 'blockId' => 'missing-block', 'attempt' => 'attempt-http-' . $i ) );
			$statuses[] = $this->parallel( array( array( 'POST', '/wp-json/ccb/v1/checkouts', $body ) ) )[0];
		}
		$this->assertSame( array_fill( 0, 10, 404 ), array_slice( $statuses, 0, 10 ), 'ten attempts a minute: the tenth is still served' );
		$this->assertSame( 429, $statuses[10] );
	}

	public function test_parallel_requests_cannot_overrun_the_limit(): void {
		$this->fresh_window();
		$requests = array_fill( 0, 90, array( 'GET', '/wp-json/ccb/v1/checkouts/status?order=wp-1-' . str_repeat( 'ab', 10 ) ) );
		$counts   = array_count_values( $this->parallel( $requests ) );
		$this->assertSame( 60, 90 - ( $counts[429] ?? 0 ), 'exactly the limit gets through: ' . wp_json_encode( $counts ) );
	}

	public function test_a_string_field_sent_as_an_array_is_a_clear_400(): void {
		$response = $this->rest(
			'POST',
			'/ccb/v1/checkouts',
			array( 'postId' => 1, 'blockId' => 'demo-block-0001', 'attempt' => 'attempt-0001', 'customer' => array( 'firstName' => array( 'x' ) ) ),
			array( 'X-WP-Nonce' => wp_create_nonce( 'wp_rest' ) )
		);
		$this->assertSame( 400, $response->get_status() );
		$this->assertSame( 'rest_invalid_param', $response->get_data()['code'] );
		$this->assertStringContainsString( 'customer', wp_json_encode( $response->get_data() ) );
	}

	/**
	 * @dataProvider addresses
	 */
	public function test_the_client_behind_trusted_proxies( string $remote, string $forwarded, array $trusted, string $client ): void {
		$this->assertSame( $client, ClientAddress::resolve( $remote, $forwarded, $trusted ) );
	}

	public function addresses(): array {
		return array(
			'no proxy: forwarded headers ignored'     => array( '198.51.100.7', '1.2.3.4', array(), '198.51.100.7' ),
			'trusted proxy: the client it reports'    => array( '10.0.0.5', '203.0.113.9', array( '10.0.0.0/8' ), '203.0.113.9' ),
			'spoofed hop before the trusted chain'    => array( '10.0.0.5', '6.6.6.6, 203.0.113.9, 10.0.0.4', array( '10.0.0.0/8' ), '203.0.113.9' ),
			'untrusted sender: its own address'       => array( '192.0.2.1', '203.0.113.9', array( '10.0.0.0/8' ), '192.0.2.1' ),
			'IPv6 range'                              => array( '2001:db8::1', '2001:db8:ffff::9, 198.51.100.2', array( '2001:db8::/48' ), '198.51.100.2' ),
			'an exact address'                        => array( '172.16.0.1', '203.0.113.10', array( '172.16.0.1' ), '203.0.113.10' ),
			'garbage in the header stops the walk'    => array( '10.0.0.5', 'not-an-ip', array( '10.0.0.0/8' ), '10.0.0.5' ),
		);
	}
}
