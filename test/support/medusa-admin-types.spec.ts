import { medusaAdminShapeErrors } from './medusa-admin-types';

describe('Medusa admin shapes', () => {
  const group = {
    id: 'cgrp_1',
    name: 'VIP',
    created_at: 'x',
    updated_at: 'x',
    deleted_at: null,
    metadata: null,
  };

  it('passes a response with every key Medusa requires', () => {
    expect(medusaAdminShapeErrors('AdminCustomerGroupsRes', { customer_group: group })).toEqual([]);
  });

  it('names the keys a response lacks, inside objects and arrays too', () => {
    const { name: _name, ...nameless } = group;
    expect(medusaAdminShapeErrors('AdminCustomerGroupsRes', { customer_group: nameless })).toEqual([
      'customer_group.name',
    ]);
    const missing = medusaAdminShapeErrors('AdminPriceListRes', {
      price_list: { id: 'pl_1', customer_groups: [nameless], prices: [] },
    });
    expect(missing).toContain('price_list.name');
    expect(missing).toContain('price_list.customer_groups[0].name');
    expect(missing).not.toContain('price_list.prices');
  });

  it('requires the relations Medusa’s route expands', () => {
    expect(medusaAdminShapeErrors('AdminPriceListRes', { price_list: {} })).toEqual(
      expect.arrayContaining(['price_list.customer_groups', 'price_list.prices']),
    );
  });

  it('leaves out what the real server leaves out (its errata)', () => {
    const missing = medusaAdminShapeErrors('AdminOrdersRes', { order: { items: [{ id: 'item_1' }] } });
    expect(missing).toContain('order.items[0].total');
    expect(missing).not.toContain('order.items[0].gift_card_total');
  });
});
