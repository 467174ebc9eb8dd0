import { Module } from '@nestjs/common';
import { FilingAnswerService } from './filing-answer.service';
import { FilingQueryService } from './filing-query.service';
import { FilingRegistrationService } from './filing-registration.service';
import { FilingsController } from './filings.controller';
import { IdempotencyService } from './idempotency.service';
import { PicketRules } from './picket-rules';
import { VenueAvailabilityService } from './venue-availability.service';

@Module({
  controllers: [FilingsController],
  providers: [
    FilingRegistrationService,
    FilingAnswerService,
    FilingQueryService,
    IdempotencyService,
    PicketRules,
    VenueAvailabilityService,
  ],
  exports: [VenueAvailabilityService, IdempotencyService],
})
export class FilingsModule {}
