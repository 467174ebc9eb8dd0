import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import type { MultiPolygon } from 'geojson';
import { JurisdictionEntity } from './jurisdiction.entity';

/** A zone where the maslikhat bans picketing (Art. 9(5)); stored as a MultiPolygon. */
@Entity({ name: 'restricted_zone' })
export class RestrictedZoneEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index('restricted_zone_jurisdiction_idx')
  @Column({ name: 'jurisdiction_kato', type: 'varchar', length: 9 })
  jurisdictionKato: string;

  @ManyToOne(() => JurisdictionEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'jurisdiction_kato' })
  jurisdiction?: JurisdictionEntity;

  @Index('restricted_zone_geometry_idx', { spatial: true })
  @Column({ type: 'geometry', spatialFeatureType: 'MultiPolygon', srid: 4326 })
  geometry: MultiPolygon;

  @Column({ type: 'text' })
  reason: string;

  @Column({ name: 'decision_ref', type: 'text' })
  decisionRef: string;

  @Column({ name: 'active_from', type: 'date' })
  activeFrom: string;

  @Column({ name: 'active_to', type: 'date', nullable: true })
  activeTo: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
