import express from 'express';
import { z } from 'zod';
import type { BridgeContext } from '../../context';
import { editCustomer } from '../../domain/customers/editCustomer';
import { eraseCustomer } from '../../domain/customers/eraseCustomer';
import { writeCustomersCsv } from '../../domain/customers/exportCsv';
import { AppError } from '../../domain/errors';
import { auditFor } from '../../store/audit';
import { listCheckouts } from '../../store/checkouts';
import { findCustomer, listCustomers } from '../../store/customers';
import { pageQuerySchema, parseInput, uuidSchema } from '../query';
import { shopOf } from '../shopAuth';

const listQuery = pageQuerySchema.extend({ q: z.string().trim().max(200).optional() });

export function customerRoutes(ctx: BridgeContext): express.Router {
  const router = express.Router();

  router.get('/', async (req, res) => {
    const q = parseInput(listQuery, req.query);
    res.json(await listCustomers(ctx.db, shopOf(res).id, { ...q, q: q.q || undefined }));
  });

  router.get('/export.csv', async (_req, res) => {
    res.status(200).type('text/csv; charset=utf-8').set('content-disposition', 'attachment; filename="customers.csv"');
    await writeCustomersCsv(ctx.db, shopOf(res).id, res);
    res.end();
  });

  router.get('/:id', async (req, res) => {
    const shop = shopOf(res);
    const id = parseInput(uuidSchema, req.params.id, 'id');
    const customer = await findCustomer(ctx.db, shop.id, id);
    if (!customer) throw new AppError('not_found', 'No such customer.');
    const checkouts = await listCheckouts(ctx.db, shop.id, { customerId: id, limit: 50 });
    res.json({ customer, checkouts: checkouts.items });
  });

  router.patch('/:id', async (req, res) => {
    const id = parseInput(uuidSchema, req.params.id, 'id');
    res.json({ customer: await editCustomer(ctx, shopOf(res), id, res.locals.json) });
  });

  router.delete('/:id', async (req, res) => {
    const id = parseInput(uuidSchema, req.params.id, 'id');
    res.json({ customer: await eraseCustomer(ctx, shopOf(res), id) });
  });

  router.get('/:id/audit', async (req, res) => {
    const shop = shopOf(res);
    const id = parseInput(uuidSchema, req.params.id, 'id');
    if (!(await findCustomer(ctx.db, shop.id, id))) throw new AppError('not_found', 'No such customer.');
    res.json({ entries: await auditFor(ctx.db, shop.id, { customerId: id }) });
  });

  return router;
}
