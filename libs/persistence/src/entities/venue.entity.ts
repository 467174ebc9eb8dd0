import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import type { Geometry } from 'geojson';
import { JurisdictionEntity } from './jurisdiction.entity';

export type VenueKind = 'place' | 'route';

/** A specialized place (Point or Polygon) or route (LineString) designated by the maslikhat. */
@Entity({ name: 'venue' })
@Check('venue_kind_ck', `kind IN ('place', 'route')`)
@Check('venue_max_occupancy_ck', 'max_occupancy > 0')
@Check('venue_active_range_ck', 'active_to IS NULL OR active_to >= active_from')
export class VenueEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index('venue_jurisdiction_idx')
  @Column({ name: 'jurisdiction_kato', type: 'varchar', length: 9 })
  jurisdictionKato: string;

  @ManyToOne(() => JurisdictionEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'jurisdiction_kato' })
  jurisdiction?: JurisdictionEntity;

  @Column({ type: 'text' })
  name: string;

  @Column({ type: 'varchar', length: 8 })
  kind: VenueKind;

  @Index('venue_geometry_idx', { spatial: true })
  @Column({ type: 'geometry', spatialFeatureType: 'Geometry', srid: 4326 })
  geometry: Geometry;

  @Column({ name: 'max_occupancy', type: 'integer' })
  maxOccupancy: number;

  @Column({ name: 'decision_ref', type: 'text' })
  decisionRef: string;

  @Column({ name: 'active_from', type: 'date' })
  activeFrom: string;

  @Column({ name: 'active_to', type: 'date', nullable: true })
  activeTo: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
