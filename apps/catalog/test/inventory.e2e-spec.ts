import { CatalogCommands, DemoVariantIds, ReservationReply } from '@app/contracts';
import { DomainError } from '@app/platform';
import { createTestEnvironment, TestEnvironment } from '../../../test/support/test-environment';

describe('catalog: inventory', () => {
  let env: TestEnvironment;
  let replica: TestEnvironment;

  const level = async (variantId: string) =>
    (
      await env.sql<{ stocked_quantity: number; reserved_quantity: number }>(
        'SELECT stocked_quantity, reserved_quantity FROM catalog.inventory_level WHERE variant_id = $1',
        [variantId],
      )
    )[0];
  const reserve = (key: string, variant_id: string, quantity: number) =>
    env.commands.request(CatalogCommands.reserveInventory, {
      reservation_key: key,
      items: [{ variant_id, quantity }],
    });
  const available = async (variantId: string) =>
    (
      await env.commands.request(CatalogCommands.checkInventory, {
        items: [{ variant_id: variantId, quantity: 1 }],
      })
    ).items[0].available;

  beforeAll(async () => {
    env = await createTestEnvironment({ apps: ['catalog'], freshDatabase: true });
    replica = await createTestEnvironment({ apps: ['catalog'], env: { DATABASE_URL: env.env.DATABASE_URL } });
  });
  afterAll(async () => {
    await replica.close();
    await env.close();
  });

  it('50 parallel reservations for the last 10 units, on two replicas: exactly 10 succeed', async () => {
    await env.sql('UPDATE catalog.inventory_level SET stocked_quantity = 10 WHERE variant_id = $1', [
      DemoVariantIds.teaSet,
    ]);
    const attempts = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        (i % 2 ? replica : env).commands
          .request(CatalogCommands.reserveInventory, {
            reservation_key: `race-${i}`,
            items: [{ variant_id: DemoVariantIds.teaSet, quantity: 1 }],
          })
          .then(
            () => 'reserved',
            (error: DomainError) => error.code,
          ),
      ),
    );
    expect(attempts.filter((outcome) => outcome === 'reserved')).toHaveLength(10);
    expect(attempts.filter((outcome) => outcome === 'insufficient_inventory')).toHaveLength(40);
    expect(await level(DemoVariantIds.teaSet)).toEqual({ stocked_quantity: 10, reserved_quantity: 10 });
    expect(await available(DemoVariantIds.teaSet)).toBe(0);
    for (let i = 0; i < 50; i += 1) {
      await env.commands.request(CatalogCommands.releaseInventory, { reservation_key: `race-${i}` });
    }
    expect(await level(DemoVariantIds.teaSet)).toEqual({ stocked_quantity: 10, reserved_quantity: 0 });
  });

  it('makes a key hold exactly what it asks, idempotently', async () => {
    const stock = (await level(DemoVariantIds.teaSet)).stocked_quantity;
    await reserve('cart_hold', DemoVariantIds.teaSet, 2);
    await reserve('cart_hold', DemoVariantIds.teaSet, 2);
    expect(await available(DemoVariantIds.teaSet)).toBe(stock - 2);
    await reserve('cart_hold', DemoVariantIds.teaSet, 1);
    expect(await available(DemoVariantIds.teaSet)).toBe(stock - 1);
    const released = await env.commands.request(CatalogCommands.releaseInventory, {
      reservation_key: 'cart_hold',
    });
    expect(released.items).toEqual([{ variant_id: DemoVariantIds.teaSet, quantity: 1 }]);
    const again = await env.commands.request(CatalogCommands.releaseInventory, {
      reservation_key: 'cart_hold',
    });
    expect(again.items).toEqual([]);
    expect(await available(DemoVariantIds.teaSet)).toBe(stock);
  });

  it('confirms a reservation into a sale once; the key then reserves nothing more', async () => {
    const before = await level(DemoVariantIds.mugWhite);
    await reserve('cart_sold', DemoVariantIds.mugWhite, 3);
    const sold = await env.commands.request(CatalogCommands.confirmInventory, {
      reservation_key: 'cart_sold',
    });
    expect(sold.items).toEqual([{ variant_id: DemoVariantIds.mugWhite, quantity: 3 }]);
    expect(
      (await env.commands.request(CatalogCommands.confirmInventory, { reservation_key: 'cart_sold' })).items,
    ).toEqual([]);
    const retried: ReservationReply = await reserve('cart_sold', DemoVariantIds.mugWhite, 3);
    expect(retried.items).toEqual([{ variant_id: DemoVariantIds.mugWhite, quantity: 3 }]);
    expect(await level(DemoVariantIds.mugWhite)).toEqual({
      stocked_quantity: before.stocked_quantity - 3,
      reserved_quantity: before.reserved_quantity,
    });
  });

  it('is all or nothing, and names the variant that lacks stock', async () => {
    const error = await env.commands
      .request(CatalogCommands.reserveInventory, {
        reservation_key: 'cart_greedy',
        items: [
          { variant_id: DemoVariantIds.teeSmallWhite, quantity: 1 },
          { variant_id: DemoVariantIds.hoodieLargeNavy, quantity: 3 },
        ],
      })
      .catch((caught: unknown) => caught);
    expect(error).toMatchObject({
      type: 'not_allowed',
      code: 'insufficient_inventory',
      message: `Variant with id: ${DemoVariantIds.hoodieLargeNavy} does not have the required inventory`,
    });
    expect((await level(DemoVariantIds.teeSmallWhite)).reserved_quantity).toBe(0);
    const [check] = (
      await env.commands.request(CatalogCommands.checkInventory, {
        items: [{ variant_id: DemoVariantIds.hoodieLargeNavy, quantity: 3 }],
      })
    ).items;
    expect(check).toEqual({
      variant_id: DemoVariantIds.hoodieLargeNavy,
      quantity: 3,
      available: 2,
      sufficient: false,
    });
  });

  it('lets backorderable variants go beyond stock and never holds unmanaged ones', async () => {
    const backorder = await reserve('cart_backorder', DemoVariantIds.capKhaki, 3);
    expect(backorder.items).toEqual([{ variant_id: DemoVariantIds.capKhaki, quantity: 3 }]);
    expect(await level(DemoVariantIds.capKhaki)).toMatchObject({ stocked_quantity: 0, reserved_quantity: 3 });
    const gift = await reserve('cart_gift', DemoVariantIds.giftCardMedium, 5);
    expect(gift.items).toEqual([]);
    const [check] = (
      await env.commands.request(CatalogCommands.checkInventory, {
        items: [{ variant_id: DemoVariantIds.giftCardMedium, quantity: 999 }],
      })
    ).items;
    expect(check).toMatchObject({ available: null, sufficient: true });
  });

  it.each([
    [{ reservation_key: 'k', items: [{ variant_id: 'variant_missing', quantity: 1 }] }, 'not_found'],
    [{ reservation_key: 'k', items: [{ variant_id: DemoVariantIds.teaSet, quantity: 0 }] }, 'invalid_data'],
    [{ reservation_key: 'k', items: [{ variant_id: DemoVariantIds.teaSet, quantity: 1.5 }] }, 'invalid_data'],
    [{ reservation_key: 'k', items: [] }, 'invalid_data'],
  ])('refuses %j with %s', async (request, type) => {
    await expect(env.commands.request(CatalogCommands.reserveInventory, request)).rejects.toMatchObject({
      type,
    });
  });

  it('restocks what a key sold, once: a canceled order puts its items back on the shelf', async () => {
    const before = await level(DemoVariantIds.mugWhite);
    await reserve('restock-1', DemoVariantIds.mugWhite, 3);
    await env.commands.request(CatalogCommands.confirmInventory, { reservation_key: 'restock-1' });
    expect((await level(DemoVariantIds.mugWhite)).stocked_quantity).toBe(before.stocked_quantity - 3);
    const restocked = await env.commands.request(CatalogCommands.restockInventory, {
      reservation_key: 'restock-1',
    });
    expect(restocked.items).toEqual([{ variant_id: DemoVariantIds.mugWhite, quantity: 3 }]);
    await env.commands.request(CatalogCommands.restockInventory, { reservation_key: 'restock-1' });
    expect(await level(DemoVariantIds.mugWhite)).toEqual(before);
  });
});
