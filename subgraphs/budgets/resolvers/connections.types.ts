import { ConnectionType } from '../../kit/connection';
import { BudgetLine } from '../entities/budget-line.entity';
import { BudgetProgram } from '../entities/budget-program.entity';
import { Contract } from '../entities/contract.entity';
import { ProgramAccount } from '../entities/program-account.entity';

export const BudgetProgramConnection = ConnectionType(BudgetProgram, 'BudgetProgram', 'budget program');
export const BudgetLineConnection = ConnectionType(BudgetLine, 'BudgetLine', 'budget line');
export const ContractConnection = ConnectionType(Contract, 'Contract', 'contract');
export const ProgramAccountConnection = ConnectionType(ProgramAccount, 'ProgramAccount', 'program account');
