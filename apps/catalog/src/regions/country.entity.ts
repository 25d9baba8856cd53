import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { RegionEntity } from './region.entity';

/** An ISO 3166 country; belongs to at most one region. */
@Entity('country')
export class CountryEntity {
  /** The ISO 3166 numeric code, which is stable and unique. */
  @PrimaryColumn('integer')
  id!: number;

  @Column('text', { unique: true })
  iso_2!: string;

  @Column('text')
  iso_3!: string;

  @Column('integer')
  num_code!: number;

  @Column('text')
  name!: string;

  @Column('text')
  display_name!: string;

  @Column('text', { nullable: true })
  region_id!: string | null;

  @ManyToOne(() => RegionEntity, (region) => region.countries, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'region_id' })
  region?: RegionEntity | null;
}
