import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A payment provider a region may offer (`manual`, `cashier`, `wechat`, `alipay`). */
@Entity('payment_provider')
export class PaymentProviderEntity {
  @PrimaryColumn('text')
  id!: string;

  @Column('boolean', { default: true })
  is_installed!: boolean;
}

/** A fulfillment provider a region may offer. */
@Entity('fulfillment_provider')
export class FulfillmentProviderEntity {
  @PrimaryColumn('text')
  id!: string;

  @Column('boolean', { default: true })
  is_installed!: boolean;
}
