import { Global, Module } from '@nestjs/common';
import { CalendarAdminController } from './calendar-admin.controller';
import { CalendarAdminService } from './calendar-admin.service';
import { DeadlinesController } from './deadlines.controller';
import { JurisdictionsService } from './jurisdictions.service';
import { LegalRulesService } from './legal-rules.service';

@Global()
@Module({
  controllers: [DeadlinesController, CalendarAdminController],
  providers: [LegalRulesService, JurisdictionsService, CalendarAdminService],
  exports: [LegalRulesService, JurisdictionsService],
})
export class LegalModule {}
