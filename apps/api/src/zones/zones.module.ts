import { Module } from '@nestjs/common';
import { FilingsModule } from '../filings/filings.module';
import { ZonesController } from './zones.controller';
import { ZonesService } from './zones.service';

@Module({ imports: [FilingsModule], controllers: [ZonesController], providers: [ZonesService] })
export class ZonesModule {}
