/**
 * Zero-click mapping of file columns onto the canonical fields: known names and synonyms first
 * (case, spaces and underscores ignored), then name fragments, checked against value shapes
 * (numbers where numbers belong, dates where dates belong). Then each file gets a role:
 * order lines (`transactions`), one row per customer (`customers`), or unusable.
 */
import { CANONICAL_FIELDS, CUSTOMER_ATTRIBUTES, type CanonicalField, type CustomerAttribute } from './canonical-fields';
import { disabledAnalyses, NEEDS_ORDERS } from './availability';
import { IngestError, type IngestErrorInfo } from './errors';
import { fieldsForRole, inferJoinRoles } from './join-roles';
import type { ColumnProfile, FieldChoice, FileMapping, FileRole, FileSuggestion, LoadedFile, Mapping, MappingSuggestion } from './types';

/** `Customer ID` → `customerid`. */
export const normalizeName = (name: string): string => name.toLowerCase().normalize('NFKD').replace(/[^a-z0-9]/g, '');

/** Stable hash (FNV-1a, 2 × 32 bit) of the normalized header, e.g. `h3f2a…`; the UI keys remembered mappings by it. */
export function headerSignature(columns: string[]): string {
	const text = columns.map(normalizeName).join('|');
	let h1 = 0x811c9dc5;
	let h2 = 0x01000193 ^ text.length;
	for (let i = 0; i < text.length; i++) {
		const c = text.charCodeAt(i);
		h1 = Math.imul(h1 ^ c, 0x01000193) >>> 0;
		h2 = Math.imul(h2 ^ c, 0x5bd1e995) >>> 0;
		h2 ^= h2 >>> 15;
	}
	return `h${h1.toString(16).padStart(8, '0')}${(h2 >>> 0).toString(16).padStart(8, '0')}`;
}

type Target = CanonicalField | CustomerAttribute;
type Shape = 'id' | 'date' | 'number' | 'text';

interface Rule {
	/** Exact normalized names with their score. */
	exact: Record<string, number>;
	/** Name fragments (regex on the normalized name) with a lower score. */
	fuzzy?: [RegExp, number][];
	exclude?: RegExp;
	shape: Shape;
}

const names = (score: number, ...list: string[]) => Object.fromEntries(list.map((n) => [n, score]));

const RULES: Record<Target, Rule> = {
	order_id: {
		exact: {
			...names(0.97, 'orderid', 'invoiceno', 'invoice', 'invoiceid', 'invoicenumber', 'ordernumber', 'orderno', 'ordernum'),
			...names(0.75, 'id'),
			...names(0.9, 'order', 'transactionid', 'transactionno', 'transaction', 'txnid', 'receiptid', 'receiptno', 'salesorderid', 'salesorder', 'orderref', 'orderreference', 'billno', 'ticketid', 'basketid', 'purchaseid')
		},
		fuzzy: [[/^(order|invoice|transaction|txn|receipt|sale|purchase|basket)/, 0.6]],
		exclude: /line|date|time|status|qty|quantity|total|amount|value|size|type|channel|item|product|count/,
		shape: 'id'
	},
	customer_id: {
		exact: {
			...names(0.97, 'customerid', 'customer', 'custid', 'customerno', 'customernumber', 'customercode', 'customerkey', 'clientid', 'client', 'buyerid', 'shopperid', 'memberid'),
			...names(0.9, 'customername', 'clientname', 'userid', 'user', 'accountid', 'account', 'accountname', 'companyname', 'buyer', 'contactid', 'customeremail', 'email')
		},
		fuzzy: [[/(customer|client|cust|buyer|shopper|member|account)/, 0.6]],
		exclude: /age|gender|sex|city|country|region|state|segment|type|since|date|signup|channel|status|rating|score|phone|address|postal|zip|count|tenure|churn|charges|spend|value/,
		shape: 'id'
	},
	order_ts: {
		exact: {
			...names(0.97, 'orderdate', 'invoicedate', 'orderts', 'ordertimestamp', 'orderdatetime', 'transactiondate', 'purchasedate', 'saledate', 'salesdate', 'invoicedatetime', 'orderedat', 'purchasedat', 'txndate', 'transactiontime', 'ordertime'),
			...names(0.92, 'date', 'datetime', 'timestamp', 'ts', 'time', 'day', 'createdat', 'created', 'paymentdate', 'dateyyyymmdd')
		},
		fuzzy: [
			[/(date|time|timestamp|datetime|day)/, 0.6],
			[/(created|placed|paid|purchased|ordered)(at|on)?$/, 0.6]
		],
		exclude: /birth|dob|signup|register|join|expir|update|modif|due|ship|deliver|since|first|last|tenure|review|survey|feedback/,
		shape: 'date'
	},
	product: {
		exact: {
			...names(0.97, 'product', 'productname', 'description', 'itemname', 'itemdescription', 'productdescription', 'productdesc', 'item', 'productitem'),
			...names(0.9, 'article', 'articlename', 'title', 'producttitle', 'goods'),
			...names(0.72, 'stockcode', 'productcode', 'productid', 'sku', 'itemcode', 'itemid', 'articleno', 'articleid', 'productno', 'itemno', 'upc', 'ean', 'asin')
		},
		fuzzy: [
			[/(product|item|article)(name|desc|title)?$/, 0.55],
			[/(product|item|sku|article)/, 0.45]
		],
		exclude: /line|category|group|type|class|family|qty|quantity|count|price|cost|value|amount|number$/,
		shape: 'text'
	},
	category: {
		exact: {
			...names(0.97, 'category', 'productline', 'productcategory', 'categoryname', 'itemcategory'),
			...names(0.88, 'department', 'productgroup', 'productfamily', 'producttype', 'family', 'subcategory', 'class', 'segment', 'group', 'genre', 'categoryid')
		},
		fuzzy: [[/(category|department|productline|productgroup|producttype|genre)/, 0.6]],
		shape: 'text'
	},
	quantity: {
		exact: {
			...names(0.97, 'quantity', 'qty', 'quantityordered', 'orderquantity', 'orderedquantity', 'units', 'unitssold', 'numberofunits', 'numberofitems', 'itemcount', 'itemsqty', 'pieces'),
			...names(0.9, 'numberofcds', 'cds', 'count', 'volume', 'amountunits', 'nunits', 'qtyordered', 'quantitysold')
		},
		fuzzy: [
			[/(quantity|qty)/, 0.7],
			[/^(numberof|num|nof)/, 0.6]
		],
		exclude: /price|amount|value|revenue|sales|total|cost/,
		shape: 'number'
	},
	unit_price: {
		exact: {
			...names(0.97, 'unitprice', 'price', 'priceeach', 'itemprice', 'priceperunit', 'unitsaleprice', 'saleprice', 'sellingprice', 'pricepaid', 'unitamount'),
			...names(0.8, 'rate', 'listprice', 'retailprice')
		},
		fuzzy: [[/price/, 0.6]],
		exclude: /msrp|total|line|sum|cost/,
		shape: 'number'
	},
	revenue: {
		exact: {
			...names(0.97, 'revenue', 'sales', 'amount', 'total', 'totalamount', 'totalprice', 'linetotal', 'lineamount', 'dollarvalue', 'dollars', 'salesamount', 'netsales', 'grosssales', 'totalsales', 'extendedprice', 'linerevenue', 'salesvalue', 'ordervalue', 'orderamount', 'ordertotal', 'subtotal', 'turnover', 'value', 'netamount', 'grossamount', 'totalvalue'),
			...names(0.85, 'spend', 'payment', 'paymentvalue', 'paymentamount', 'amountpaid', 'price_total', 'gmv', 'income')
		},
		fuzzy: [[/(revenue|sales|amount|total|value|turnover|spend|dollars)/, 0.6]],
		exclude: /qty|quantity|count|units|id$|number$|code|tax|discount|shipping|freight|charges|cost/,
		shape: 'number'
	},
	cost: {
		exact: {
			...names(0.95, 'cost', 'cogs', 'totalcost', 'linecost', 'costofgoods', 'costofgoodssold', 'costamount', 'productcost'),
			...names(0.7, 'costprice')
		},
		fuzzy: [[/(cost|cogs)/, 0.5]],
		exclude: /unit|shipping|acquisition|per/,
		shape: 'number'
	},
	country: {
		exact: names(0.97, 'country', 'countryname', 'countrycode', 'nation', 'shipcountry', 'shippingcountry', 'billingcountry', 'customercountry', 'countryregion'),
		fuzzy: [[/(country|nation)/, 0.6]],
		shape: 'text'
	},
	region: {
		exact: {
			...names(0.95, 'region', 'salesregion', 'regionname'),
			...names(0.9, 'territory', 'salesterritory'),
			...names(0.85, 'state', 'province', 'stateprovince', 'county', 'shipstate', 'shippingstate', 'billingstate', 'customerstate', 'customerregion', 'customerprovince'),
			...names(0.8, 'city', 'town', 'shipcity', 'shippingcity', 'billingcity', 'customercity'),
			...names(0.7, 'area', 'zone', 'market', 'district')
		},
		fuzzy: [[/(region|territory|province)/, 0.55]],
		shape: 'text'
	},
	status: {
		exact: names(0.97, 'status', 'orderstatus', 'statuscode', 'orderstate', 'transactionstatus', 'paymentstatus', 'lineStatus'.toLowerCase(), 'fulfillmentstatus'),
		fuzzy: [[/status/, 0.6]],
		shape: 'text'
	},
	deal_size: {
		exact: names(0.97, 'dealsize', 'dealsizecategory', 'ordersize', 'sizeband', 'dealband', 'dealtier'),
		fuzzy: [[/deal/, 0.5]],
		shape: 'text'
	},
	channel: {
		exact: {
			...names(0.97, 'channel', 'saleschannel', 'orderchannel', 'purchasechannel'),
			...names(0.8, 'platform', 'source', 'ordersource', 'storetype', 'medium', 'device')
		},
		fuzzy: [[/channel/, 0.6]],
		exclude: /acquisition|signup|marketing|referral/,
		shape: 'text'
	},
	rating: {
		exact: {
			...names(0.97, 'reviewscore', 'rating', 'stars', 'starrating', 'nps', 'npsscore', 'csat', 'csatscore', 'satisfaction', 'satisfactionscore', 'customerrating', 'reviewrating', 'productrating', 'feedbackscore'),
			...names(0.8, 'score', 'review', 'grade')
		},
		fuzzy: [[/(rating|stars|nps|csat|satisfaction|reviewscore)/, 0.6]],
		exclude: /credit|risk|churn|count|date|text|comment|message|id$/,
		shape: 'number'
	},
	review_text: {
		exact: names(0.95, 'reviewtext', 'reviewcomment', 'reviewcommentmessage', 'reviewmessage', 'comment', 'comments', 'feedback', 'feedbacktext', 'reviewbody', 'reviewcontent', 'verbatim', 'npscomment', 'customercomment'),
		fuzzy: [[/(comment|verbatim|reviewtext|reviewmessage|feedbacktext)/, 0.6]],
		exclude: /date|time|id$|score|title/,
		shape: 'text'
	},
	review_date: {
		exact: names(0.95, 'reviewdate', 'reviewcreationdate', 'reviewedat', 'reviewtimestamp', 'surveydate', 'feedbackdate', 'responsedate', 'reviewanswertimestamp'),
		fuzzy: [[/(review|survey|feedback).*(date|time)/, 0.6]],
		shape: 'date'
	},
	age: { exact: names(0.97, 'age', 'customerage', 'ageyears', 'ageinyears'), fuzzy: [[/age$/, 0.5]], exclude: /page|stage|usage|mileage|percentage/, shape: 'number' },
	gender: { exact: names(0.97, 'gender', 'sex', 'customergender'), shape: 'text' },
	city: { exact: names(0.95, 'city', 'town', 'customercity', 'billingcity', 'shippingcity', 'shipcity'), shape: 'text' },
	customer_channel: {
		exact: {
			...names(0.97, 'acquisitionchannel', 'signupchannel', 'acquisitionsource', 'referralsource', 'leadsource', 'marketingchannel', 'customerchannel', 'acquiredvia'),
			...names(0.75, 'channel', 'source')
		},
		fuzzy: [[/(acquisition|referral|leadsource|signupsource)/, 0.6]],
		shape: 'text'
	},
	signup_date: {
		exact: names(0.97, 'signupdate', 'signup', 'signedup', 'signedupat', 'registrationdate', 'registered', 'registeredat', 'registeredon', 'joindate', 'joined', 'joinedat', 'datejoined', 'customersince', 'firstseen', 'accountcreated', 'createddate', 'createdat', 'created', 'memberSince'.toLowerCase(), 'dtcustomer'),
		fuzzy: [[/(signup|register|join|since)/, 0.6]],
		shape: 'date'
	}
};

/**
 * Usual column names of German, French, Spanish, Italian, Dutch and Portuguese exports (normalized:
 * accents dropped, `N° commande` → `ncommande`), so such a file maps with zero clicks too.
 */
const FOREIGN: Partial<Record<Target, Record<string, number>>> = {
	order_id: names(0.95, 'bestellung', 'bestellnummer', 'bestellnr', 'auftrag', 'auftragsnummer', 'auftragsnr', 'rechnungsnummer', 'rechnungsnr', 'belegnummer', 'belegnr', 'commande', 'numerocommande', 'ncommande', 'nocommande', 'numerodecommande', 'numerofacture', 'nfacture', 'pedido', 'numeropedido', 'npedido', 'numerodepedido', 'numerofactura', 'ordine', 'numeroordine', 'nordine', 'numerofattura', 'bestelling', 'bestelnummer', 'ordernummer', 'factuurnummer', 'encomenda', 'numeroencomenda', 'numerodopedido', 'numerofatura'),
	customer_id: names(0.95, 'kunde', 'kunden', 'kundennummer', 'kundennr', 'kundenid', 'kundenname', 'numeroclient', 'idclient', 'codeclient', 'nomclient', 'cliente', 'idcliente', 'numerocliente', 'codigocliente', 'nombrecliente', 'codicecliente', 'klant', 'klantnummer', 'klantid', 'klantnaam', 'nomedocliente', 'nomecliente'),
	order_ts: names(0.93, 'datum', 'bestelldatum', 'rechnungsdatum', 'auftragsdatum', 'belegdatum', 'kaufdatum', 'datecommande', 'datedecommande', 'datefacture', 'fecha', 'fechapedido', 'fechadepedido', 'fechafactura', 'fechadecompra', 'data', 'dataordine', 'datafattura', 'dataacquisto', 'besteldatum', 'orderdatum', 'factuurdatum', 'datapedido', 'datadopedido', 'dataencomenda', 'datadecompra'),
	product: names(0.93, 'artikel', 'artikelname', 'artikelbezeichnung', 'bezeichnung', 'produkt', 'produktname', 'produit', 'designation', 'libelle', 'nomproduit', 'producto', 'articulo', 'descripcion', 'nombreproducto', 'prodotto', 'articolo', 'descrizione', 'productnaam', 'omschrijving', 'produto', 'artigo', 'descricao', 'nomedoproduto'),
	category: names(0.93, 'kategorie', 'warengruppe', 'categorie', 'categoria', 'rubrik'),
	quantity: names(0.95, 'menge', 'anzahl', 'stuck', 'stuckzahl', 'quantite', 'qte', 'cantidad', 'unidades', 'quantita', 'qta', 'pezzi', 'aantal', 'hoeveelheid', 'quantidade', 'qtd', 'qtde'),
	unit_price: names(0.95, 'preis', 'einzelpreis', 'stuckpreis', 'verkaufspreis', 'prix', 'prixunitaire', 'precio', 'preciounitario', 'prezzo', 'prezzounitario', 'prijs', 'stukprijs', 'eenheidsprijs', 'preco', 'precounitario'),
	revenue: names(0.95, 'umsatz', 'betrag', 'gesamtbetrag', 'gesamtpreis', 'summe', 'nettobetrag', 'bruttobetrag', 'montant', 'montantttc', 'montantht', 'chiffredaffaires', 'importe', 'importetotal', 'ventas', 'monto', 'importo', 'totale', 'fatturato', 'bedrag', 'totaalbedrag', 'omzet', 'totaal', 'valor', 'valortotal', 'vendas', 'montante', 'receita'),
	country: names(0.95, 'land', 'pays', 'pais', 'paese', 'nazione'),
	status: names(0.95, 'bestellstatus', 'statut', 'estado', 'stato'),
	rating: names(0.93, 'bewertung', 'sterne', 'zufriedenheit', 'note', 'notation', 'etoiles', 'puntuacion', 'valoracion', 'calificacion', 'estrellas', 'satisfaccion', 'valutazione', 'voto', 'punteggio', 'stelle', 'soddisfazione', 'beoordeling', 'waardering', 'cijfer', 'sterren', 'avaliacao', 'nota', 'estrelas', 'satisfacao'),
	review_text: names(0.9, 'kommentar', 'rezension', 'commentaire', 'avis', 'comentario', 'resena', 'commento', 'recensione', 'opmerking', 'recensie', 'comentarios', 'avaliacaotexto')
};
for (const [target, extra] of Object.entries(FOREIGN) as [Target, Record<string, number>][]) RULES[target].exact = { ...extra, ...RULES[target].exact };

const FIELD_LABEL: Record<string, string> = Object.fromEntries([...CANONICAL_FIELDS, ...CUSTOMER_ATTRIBUTES].map((f) => [f.field, f.label]));

const pct = (x: number) => `${Math.round(x * 100)}%`;

interface Candidate {
	target: Target;
	column: ColumnProfile;
	score: number;
	reason: string;
}

function shapeCheck(shape: Shape, c: ColumnProfile): { factor: number; note: string } {
	const nonNull = c.rows - c.nulls;
	if (nonNull === 0) return { factor: 0.3, note: 'the column is empty' };
	if (shape === 'number') {
		if (c.numericShare >= 0.95) return { factor: 1, note: `${pct(c.numericShare)} of values are numbers` };
		if (c.numericShare >= 0.7) return { factor: 0.75, note: `only ${pct(c.numericShare)} of values are numbers` };
		return { factor: 0.1, note: `only ${pct(c.numericShare)} of values are numbers` };
	}
	if (shape === 'date') {
		if (c.dateShare >= 0.8) return { factor: 1, note: `${pct(c.dateShare)} of values look like dates` };
		if (c.dateShare >= 0.3) return { factor: 0.7, note: `${pct(c.dateShare)} of values look like dates` };
		// Numbers under a date-like name may be Excel serials or Unix times; a text column may hold a format we only read with a pattern.
		if (c.numericShare > 0.95) return { factor: 0.55, note: 'values are numbers (Excel serial days or Unix time?)' };
		return { factor: 0.35, note: `few values look like dates (${pct(c.dateShare)})` };
	}
	return { factor: 1, note: '' };
}

function candidatesFor(target: Target, columns: ColumnProfile[]): Candidate[] {
	const rule = RULES[target];
	const out: Candidate[] = [];
	for (const c of columns) {
		const n = normalizeName(c.name);
		let base = 0;
		let why = '';
		if (rule.exact[n] !== undefined) {
			base = rule.exact[n];
			why = `"${c.name}" is a usual name for ${FIELD_LABEL[target].toLowerCase()}`;
		} else if (!rule.exclude?.test(n)) {
			for (const [re, score] of rule.fuzzy ?? []) {
				if (re.test(n) && score > base) {
					base = score;
					why = `"${c.name}" contains a word used for ${FIELD_LABEL[target].toLowerCase()}`;
				}
			}
		}
		if (base === 0) continue;
		const { factor, note } = shapeCheck(rule.shape, c);
		out.push({ target, column: c, score: base * factor, reason: note ? `${why}; ${note}` : why });
	}
	// A column of dates with an unknown name can still be the order date.
	if (target === 'order_ts') {
		for (const c of columns) {
			if (out.some((o) => o.column === c)) continue;
			const n = normalizeName(c.name);
			if (RULES.order_ts.exclude?.test(n) || RULES.signup_date.exact[n] !== undefined) continue;
			if ((c.dateShare >= 0.9 && !/^(BIGINT|INTEGER)$/i.test(c.type)) || (/^(TIMESTAMP|DATE)/i.test(c.type) && c.rows > c.nulls)) {
				out.push({ target, column: c, score: 0.5, reason: `${pct(c.dateShare)} of the values of "${c.name}" look like dates` });
			}
		}
	}
	return out;
}

const MIN_SCORE = 0.45;

interface FileMatch {
	fields: Partial<Record<CanonicalField, FieldChoice>>;
	attributes: Partial<Record<CustomerAttribute, FieldChoice>>;
	productCode?: string;
}

/** Maps one file's columns (greedy by score; a column serves at most one field, attributes may reuse it). */
export function matchColumns(columns: ColumnProfile[]): FileMatch {
	const fieldTargets = CANONICAL_FIELDS.map((f) => f.field);
	const cands = fieldTargets.flatMap((t) => candidatesFor(t, columns)).sort((a, b) => b.score - a.score || fieldTargets.indexOf(a.target as CanonicalField) - fieldTargets.indexOf(b.target as CanonicalField));
	const fields: FileMatch['fields'] = {};
	const used = new Set<string>();
	for (const c of cands) {
		const t = c.target as CanonicalField;
		if (c.score < MIN_SCORE || fields[t] || used.has(c.column.name)) continue;
		fields[t] = { column: c.column.name, confidence: round2(c.score), reason: c.reason };
		used.add(c.column.name);
	}
	let productCode: string | undefined;
	if (fields.product && RULES.product.exact[normalizeName(fields.product.column)] === 0.72) {
		fields.product.reason += '; it is a product code (there is no product name column)';
	}
	if (fields.product) {
		const code = candidatesFor('product', columns).find((c) => c.column.name !== fields.product!.column && RULES.product.exact[normalizeName(c.column.name)] === 0.72 && !used.has(c.column.name));
		if (code && RULES.product.exact[normalizeName(fields.product.column)] !== 0.72) {
			productCode = code.column.name;
			fields.product.reason += `; preferred to the product code "${code.column.name}" because names read better`;
		}
	}
	const attributes: FileMatch['attributes'] = {};
	const attrTargets = CUSTOMER_ATTRIBUTES.map((a) => a.field);
	const acands = attrTargets.flatMap((t) => candidatesFor(t, columns)).sort((a, b) => b.score - a.score);
	const usedA = new Set<string>();
	for (const c of acands) {
		const t = c.target as CustomerAttribute;
		if (c.score < MIN_SCORE || attributes[t] || usedA.has(c.column.name)) continue;
		if (c.column.name === fields.customer_id?.column || c.column.name === fields.order_ts?.column) continue;
		attributes[t] = { column: c.column.name, confidence: round2(c.score), reason: c.reason };
		usedA.add(c.column.name);
	}
	return { fields, attributes, productCode };
}

const round2 = (x: number) => Math.round(x * 100) / 100;

/** Decides whether a file holds order lines, one row per customer, or nothing usable. */
export function classifyFile(file: LoadedFile, m: FileMatch): { role: FileRole; reason: string } {
	const hasDate = Boolean(m.fields.order_ts);
	const hasAmount = Boolean(m.fields.revenue || m.fields.unit_price);
	const cid = m.fields.customer_id ? file.columns.find((c) => c.name === m.fields.customer_id!.column) : undefined;
	const nonNull = cid ? cid.rows - cid.nulls : 0;
	// HyperLogLog is within a few percent on big tables.
	const unique = Boolean(cid && nonNull > 0 && cid.nulls === 0 && cid.distinct >= nonNull * (cid.distinctApprox ? 0.97 : 1));
	const attrCount = Object.keys(m.attributes).length;
	if (hasDate && hasAmount) {
		return {
			role: 'transactions',
			reason: `order lines: "${m.fields.order_ts!.column}" has dates and "${(m.fields.revenue ?? m.fields.unit_price)!.column}" has amounts`
		};
	}
	if (unique && cid) {
		return { role: 'customers', reason: `one row per customer: every value of "${cid.name}" is different${attrCount ? ` and it has customer details` : ''}` };
	}
	if (!hasDate) return { role: 'unusable', reason: 'no column looks like an order date' };
	return { role: 'unusable', reason: 'no column looks like an amount or a price' };
}

function noDateError(file: string): IngestError {
	return new IngestError({
		file,
		problem: 'no-date',
		hint: 'Map a date column in "Review columns", or check the file has order dates.',
		message: `${file}: no column looks like a date. Map a date column in "Review columns", or check the file has order dates.`
	});
}

function noRevenueError(file: string | null): IngestError {
	return new IngestError({
		file,
		problem: 'no-revenue',
		hint: 'Map a revenue column, or both quantity and unit price.',
		message: `${file ? `${file}: the` : 'The'} mapping leaves no revenue: map a revenue column, or both quantity and unit price.`
	});
}

/** The error for data with customers but no order lines (e.g. a churn table with one row per customer). */
export function noOrdersError(files: string[], customerFiles: string[]): IngestError {
	const what = customerFiles.length
		? `${customerFiles.join(', ')} ${customerFiles.length === 1 ? 'has' : 'have'} one row per customer and no order dates`
		: `${files.join(', ')}: no file has order lines with dates and amounts`;
	const off = NEEDS_ORDERS.join(', ');
	return new IngestError({
		file: files.length === 1 ? files[0] : null,
		problem: 'no-transactions',
		hint: 'Add an orders file with a date and an amount (or quantity and price) on each line.',
		message: `${what}, so there are no orders to analyse. Without order dates these analyses are off: ${off}. Add an orders file with a date and an amount (or quantity and price) on each line.`
	});
}

function unknownColumn(file: string, col: string, field: string): IngestError {
	return new IngestError({
		file,
		column: col,
		problem: 'unknown-column',
		hint: 'Choose a column of the file in "Review columns".',
		message: `${file} has no column "${col}" (mapped to ${field}). Choose a column of the file in "Review columns".`
	});
}

/** Checks a (possibly user-edited) mapping before building; returns the problems that stop the build. */
export function checkMapping(files: LoadedFile[], mapping: Mapping): IngestError[] {
	const problems: IngestError[] = [];
	const byTable = new Map(files.map((f) => [f.table, f]));
	const ordersFiles = mapping.files.filter((m) => m.role === 'orders' && byTable.has(m.table));
	for (const m of mapping.files) {
		const f = byTable.get(m.table);
		if (!f) continue;
		const cols = new Set(f.columns.map((c) => c.name));
		for (const [field, col] of [...Object.entries(m.fields), ...Object.entries(m.attributes)]) {
			if (col && !cols.has(col)) problems.push(unknownColumn(f.name, col, field));
		}
		if (m.uniqueCustomer && !cols.has(m.uniqueCustomer)) problems.push(unknownColumn(f.name, m.uniqueCustomer, 'the real customer'));
		if (m.role === 'transactions') {
			// Dates may come from an orders file joined on the order id.
			const datedByOrders = Boolean(m.fields.order_id && ordersFiles.some((o) => o.fields.order_ts && o.fields.order_id));
			if (!m.fields.order_ts && !datedByOrders) problems.push(noDateError(f.name));
			// A lone price is the line's revenue (quantity 1).
			if (!m.fields.revenue && !m.fields.unit_price) problems.push(noRevenueError(f.name));
		}
		if (m.role === 'orders' && (!m.fields.order_id || !m.fields.order_ts)) {
			problems.push(
				new IngestError({
					file: f.name,
					problem: 'unknown-column',
					hint: 'Map the order id and the order date in "Review columns".',
					message: `${f.name} is used as an orders file but ${m.fields.order_id ? 'no column is mapped to the order date' : 'no column is mapped to the order id'}. Map it in "Review columns".`
				})
			);
		}
		if (m.role === 'feedback') {
			const key = m.joinOn ?? (m.fields.order_id ? 'order_id' : 'customer_id');
			if (!m.fields[key] || !(m.fields.rating || m.fields.review_text)) {
				problems.push(
					new IngestError({
						file: f.name,
						problem: 'unknown-column',
						hint: 'Map the key (order id or customer id) and the rating or review text in "Review columns".',
						message: `${f.name} is used as a ratings file but ${m.fields[key] ? 'no column is mapped to a rating or a review text' : `no column is mapped to the ${key === 'order_id' ? 'order id' : 'customer id'} it joins on`}. Map it in "Review columns".`
					})
				);
			}
		}
		if (m.role === 'customers' && !m.fields.customer_id) {
			problems.push(
				new IngestError({
					file: f.name,
					problem: 'unknown-column',
					hint: 'Map the customer id column in "Review columns".',
					message: `${f.name} is used as a customers file but no column is mapped to the customer id. Map it in "Review columns".`
				})
			);
		}
	}
	const used = mapping.files.filter((m) => byTable.has(m.table));
	if (!used.some((m) => m.role === 'transactions')) {
		problems.unshift(
			noOrdersError(
				used.map((m) => m.file),
				used.filter((m) => m.role === 'customers').map((m) => m.file)
			)
		);
	}
	return problems;
}

/** Canonical fields the order lines get from a mapping: their own, and those joined from orders, feedback and customers files. */
export function presentFields(mapping: Mapping): Set<CanonicalField> {
	const tx = mapping.files.filter((m) => m.role === 'transactions');
	if (!tx.length) return new Set();
	const joined = mapping.files.filter((m) => m.role === 'orders' || m.role === 'feedback' || (m.role === 'customers' && m.uniqueCustomer));
	return new Set<CanonicalField>([...tx, ...joined].flatMap((m) => Object.keys(m.fields) as CanonicalField[]));
}

/** Suggests roles and mappings for every loaded file, with reasons, problems and what is off. */
export function suggestMapping(files: LoadedFile[]): MappingSuggestion {
	const suggestions: FileSuggestion[] = [];
	const mappings: FileMapping[] = [];
	const notes: string[] = [];
	const matches = files.map((f) => matchColumns(f.columns));
	const roles = inferJoinRoles(
		files,
		matches,
		files.map((f, i) => classifyFile(f, matches[i]))
	);
	for (const [i, f] of files.entries()) {
		const m = matches[i];
		const { role, reason, joinOn, uniqueCustomer } = roles[i];
		const allowed = fieldsForRole(role, uniqueCustomer);
		const fields: FileMapping['fields'] = {};
		const attributes: FileMapping['attributes'] = {};
		const keepFields: Partial<Record<CanonicalField, FieldChoice>> = {};
		for (const [k, v] of Object.entries(m.fields) as [CanonicalField, FieldChoice][]) {
			if (allowed && !allowed.includes(k)) continue;
			fields[k] = v.column;
			keepFields[k] = v;
		}
		const fieldColumns = new Set(Object.values(fields));
		for (const [k, v] of Object.entries(m.attributes) as [CustomerAttribute, FieldChoice][]) {
			if (role === 'feedback') continue;
			// On order lines a column already used for an order field (e.g. the sales channel) is not a customer detail; the city is.
			if (role !== 'customers' && fieldColumns.has(v.column) && k !== 'city') continue;
			attributes[k] = v.column;
		}
		const keepAttrs = Object.fromEntries(Object.entries(m.attributes).filter(([k]) => k in attributes));
		const extra = { ...(joinOn ? { joinOn } : {}), ...(uniqueCustomer ? { uniqueCustomer } : {}) };
		suggestions.push({ file: f.name, table: f.table, signature: f.signature, role, roleReason: reason, fields: keepFields, attributes: keepAttrs, productCode: m.productCode, ...extra });
		mappings.push({ table: f.table, file: f.name, role, fields, attributes, ...extra });
		if (role === 'unusable') notes.push(`${f.name} is not used: ${reason}.`);
	}
	const mapping: Mapping = { files: mappings };
	const problems: IngestErrorInfo[] = [];
	const tx = mappings.filter((m) => m.role === 'transactions');
	if (tx.length === 0) {
		const customerFiles = mappings.filter((m) => m.role === 'customers').map((m) => m.file);
		if (customerFiles.length === 0) {
			// Say what is missing in each file: no date, or no amount.
			for (const s of suggestions) {
				if (s.roleReason.startsWith('no column looks like an order date')) problems.push(noDateError(s.file).toInfo());
				else if (s.roleReason.startsWith('no column looks like an amount')) problems.push(noRevenueError(s.file).toInfo());
			}
		}
		if (problems.length === 0) problems.push(noOrdersError(files.map((f) => f.name), customerFiles).toInfo());
	} else {
		const sigs = new Set(tx.map((m) => suggestions.find((s) => s.table === m.table)!.signature));
		if (tx.length > 1) notes.push(sigs.size === 1 ? `${tx.length} order files with the same columns are combined.` : `${tx.length} order files with different columns are combined after mapping.`);
		const customers = mappings.filter((m) => m.role === 'customers');
		if (customers.length && !tx.some((m) => m.fields.customer_id)) notes.push('The customers file cannot be joined: no order file has a customer id column.');
		if (customers.length > 1) notes.push(`${customers.length} customers files: details are taken from the first file that has each customer.`);
	}
	const present = presentFields(mapping);
	const hasAttributes = mappings.some((m) => m.role !== 'unusable' && m.role !== 'feedback' && Object.keys(m.attributes).length > 0);
	return { mapping, files: suggestions, problems, notes, disabledAnalyses: disabledAnalyses(tx.length > 0, present, hasAttributes) };
}
