import 'reflect-metadata';
import { runMain, startSubgraph } from '../kit/start-subgraph';
import { definition } from './definition';

runMain(() => startSubgraph(definition));
