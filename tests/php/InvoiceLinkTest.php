<?php
/**
 * The signed, expiring invoice links of the shopper's receipt and "My account".
 */

use CryptoCustomerBridge\Invoices\PublicLink;
use CryptoCustomerBridge\Settings;

final class InvoiceLinkTest extends WordPressTestCase {

	const ID = '0f0e0d0c-0b0a-4908-8706-050403020100';

	/** @return array{0: string, 1: int, 2: string} id, expires, signature */
	private function parts( string $url ): array {
		parse_str( (string) wp_parse_url( $url, PHP_URL_QUERY ), $query );
		return array( (string) $query['ccb_invoice'], (int) $query['ccb_expires'], (string) $query['ccb_sig'] );
	}

	public function test_a_link_works_for_its_invoice_until_it_expires(): void {
		$link = new PublicLink( new Settings() );
		list( $id, $expires, $sig ) = $this->parts( PublicLink::url( self::ID ) );
		$this->assertSame( self::ID, $id );
		$this->assertGreaterThan( time() + 23 * HOUR_IN_SECONDS, $expires );
		$this->assertNull( $link->refusal( $id, $expires, $sig ) );
	}

	public function test_an_expired_link_is_refused_as_expired(): void {
		list( $id, $expires, $sig ) = $this->parts( PublicLink::url( self::ID, time() - 1 ) );
		$refusal = ( new PublicLink( new Settings() ) )->refusal( $id, $expires, $sig );
		$this->assertSame( array( 'ccb_link_expired', 410 ), array( $refusal->get_error_code(), $refusal->get_error_data()['status'] ) );
	}

	public function test_a_link_cannot_be_moved_to_another_invoice_or_a_later_time(): void {
		$link = new PublicLink( new Settings() );
		list( $id, $expires, $sig ) = $this->parts( PublicLink::url( self::ID ) );
		$other = '1f0e0d0c-0b0a-4908-8706-050403020100';
		$this->assertSame( 403, $link->refusal( $other, $expires, $sig )->get_error_data()['status'] );
		$this->assertSame( 403, $link->refusal( $id, $expires + 3600, $sig )->get_error_data()['status'] );
		$this->assertSame( 403, $link->refusal( '../etc/passwd', $expires, $sig )->get_error_data()['status'] );
	}
}
