import type { ImportProblem } from '../../../kit/import/problems';
import type { SourceRef } from '../../../kit/provenance';
import { GovernmentOrder, Institution, InstitutionKind, type InstitutionIdentifier } from '../../entities/institution.entity';
import { cleanName, searchForm } from '../../names';

/** What every parse function returns: the rows to write and everything wrong with the input. */
export interface Parsed {
  problems: ImportProblem[];
}

export interface InstitutionFields {
  id: string;
  name: string;
  acronym?: string | null;
  kind: InstitutionKind;
  order: GovernmentOrder;
  stateId?: string | null;
  parentId?: string | null;
  identifiers?: InstitutionIdentifier[];
  website?: string | null;
  source: SourceRef;
}

export function newInstitution(fields: InstitutionFields): Institution {
  const institution = new Institution();
  institution.id = fields.id;
  institution.name = cleanName(fields.name);
  institution.searchName = searchForm(institution.name);
  institution.acronym = fields.acronym ?? null;
  institution.kind = fields.kind;
  institution.order = fields.order;
  institution.stateId = fields.stateId ?? null;
  institution.parentId = fields.parentId ?? null;
  institution.successorId = null;
  institution.identifiers = fields.identifiers ?? [];
  institution.website = fields.website ?? null;
  institution.validFrom = null;
  institution.validTo = null;
  institution.source = fields.source;
  return institution;
}
