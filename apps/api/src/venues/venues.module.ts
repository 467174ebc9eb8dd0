import { Module } from '@nestjs/common';
import { FilingsModule } from '../filings/filings.module';
import { VenueAdminService } from './venue-admin.service';
import { VenuesController } from './venues.controller';
import { VenuesService } from './venues.service';

@Module({
  imports: [FilingsModule],
  controllers: [VenuesController],
  providers: [VenuesService, VenueAdminService],
  exports: [VenuesService, VenueAdminService],
})
export class VenuesModule {}
