<?php

use CryptoCustomerBridge\Bridge\Connection;
use CryptoCustomerBridge\Bridge\Signature;

final class SignatureTest extends WordPressTestCase {

	private function connection(): Connection {
		return new Connection( 'http://127.0.0.1:8787', 'ccb_0123456789abcdef0123', str_repeat( 's', 43 ) );
	}

	public function test_signature_is_hmac_of_the_documented_canonical_string(): void {
		$expected = hash_hmac( 'sha256', "1700000000\nnonce-1\nPOST\n/v1/checkouts?x=1\n" . hash( 'sha256', '{"a":1}' ), 'secret' );
		$this->assertSame( $expected, Signature::compute( 'secret', '1700000000', 'nonce-1', 'post', '/v1/checkouts?x=1', '{"a":1}' ) );
	}

	public function test_headers_verify_and_every_part_counts(): void {
		$c       = $this->connection();
		$now     = 1700000000;
		$headers = array_change_key_case( Signature::headers( $c, 'POST', '/wp-json/ccb/v1/events', '{"id":"e1"}', $now ) );
		$this->assertTrue( Signature::verify( $c, $headers, 'POST', '/wp-json/ccb/v1/events', '{"id":"e1"}', $now ) );
		$this->assertFalse( Signature::verify( $c, $headers, 'POST', '/wp-json/ccb/v1/events', '{"id":"e2"}', $now ), 'another body' );
		$this->assertFalse( Signature::verify( $c, $headers, 'POST', '/wp-json/ccb/v1/other', '{"id":"e1"}', $now ), 'another path' );
		$this->assertFalse( Signature::verify( $c, $headers, 'PUT', '/wp-json/ccb/v1/events', '{"id":"e1"}', $now ), 'another method' );
		$this->assertFalse( Signature::verify( $c, $headers, 'POST', '/wp-json/ccb/v1/events', '{"id":"e1"}', $now + 301 ), 'stale' );
		$other = new Connection( $c->url, $c->key_id, str_repeat( 't', 43 ) );
		$this->assertFalse( Signature::verify( $other, $headers, 'POST', '/wp-json/ccb/v1/events', '{"id":"e1"}', $now ), 'another secret' );
		$this->assertFalse( Signature::verify( $c, array_merge( $headers, array( 'x-ccb-key-id' => 'ccb_ffffffffffffffffffff' ) ), 'POST', '/wp-json/ccb/v1/events', '{"id":"e1"}', $now ), 'another key' );
		$this->assertFalse( Signature::verify( $c, array(), 'POST', '/wp-json/ccb/v1/events', '{"id":"e1"}', $now ), 'unsigned' );
	}
}
