import { Module } from '@nestjs/common';
import { CertificateService } from './certificate.service';
import { CertificatesController } from './certificates.controller';

/** Deemed-approval certificates (PDF) and their public verification against the audit log. */
@Module({
  controllers: [CertificatesController],
  providers: [CertificateService],
})
export class CertificatesModule {}
