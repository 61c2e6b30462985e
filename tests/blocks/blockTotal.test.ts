import { firstWithId } from '../../blocks/checkout/edit';
import { blockTotal } from '../../blocks/checkout/totals';

describe( "the editor's block total", () => {
	it( 'adds items exactly, as the bridge will', () => {
		expect(
			blockTotal(
				[
					{ description: 'Cup', amount: '19.99', quantity: 3 },
					{ description: 'Saucer', amount: '5', quantity: 1 },
				],
				'EUR'
			)
		).toBe( '64.97' );
		expect(
			blockTotal(
				[
					{ description: 'a', amount: '0.1', quantity: 1 },
					{ description: 'b', amount: '0.2', quantity: 1 },
				],
				'usd'
			)
		).toBe( '0.30' );
		expect(
			blockTotal(
				[ { description: 'Coffee', amount: '500', quantity: 2 } ],
				'JPY'
			)
		).toBe( '1000' );
	} );

	it( 'ignores blank rows and gives no total while anything is invalid', () => {
		expect(
			blockTotal(
				[
					{ description: 'Cup', amount: '2.00', quantity: 1 },
					{ description: '', amount: '', quantity: 1 },
				],
				'EUR'
			)
		).toBe( '2.00' );
		expect(
			blockTotal(
				[ { description: 'Cup', amount: '2,00', quantity: 1 } ],
				'EUR'
			)
		).toBe( '' );
		expect(
			blockTotal(
				[ { description: 'Cup', amount: '2.00', quantity: 1 } ],
				'EURO'
			)
		).toBe( '' );
		expect(
			blockTotal(
				[ { description: '', amount: '', quantity: 1 } ],
				'EUR'
			)
		).toBe( '' );
	} );
} );

describe( 'block ids', () => {
	it( 'a copied block is told apart from the original, also inside other blocks', () => {
		const block = (
			clientId: string,
			blockId: string,
			innerBlocks: any[] = []
		) => ( {
			clientId,
			name: 'crypto-customer-bridge/checkout',
			attributes: { blockId },
			innerBlocks,
		} );
		const group = ( clientId: string, innerBlocks: any[] ) => ( {
			clientId,
			name: 'core/group',
			attributes: {},
			innerBlocks,
		} );
		const blocks = [
			group( 'g1', [ block( 'original', 'id-1' ) ] ),
			block( 'copy', 'id-1' ),
			block( 'other', 'id-2' ),
		];
		expect( firstWithId( blocks, 'id-1' ) ).toBe( 'original' );
		expect( firstWithId( blocks, 'id-2' ) ).toBe( 'other' );
		expect( firstWithId( blocks, 'id-3' ) ).toBeNull();
	} );
} );
