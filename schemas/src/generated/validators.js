/* eslint-disable */
/**
 * DO NOT EDIT. Validation code compiled by ajv from schemas/json/*.schema.json by `npm run gen`
 * (schemas/scripts/compile-validators.ts); `npm run gen:check` (part of `npm test`) fails when this
 * file is stale. Types: validators.d.ts beside it.
 */

/** The compiled validators of the module, program and response schemas, bound to their run-time needs. */
export function bindValidators(careloomRuntime) {
  const schema31 = careloomRuntime.schemaFiles["module.schema.json"];
  const schema33 = careloomRuntime.schemaFiles["common.schema.json"].$defs.Slug;
  const schema35 = careloomRuntime.schemaFiles["common.schema.json"].$defs.LanguageTag;
  const func1 = Object.prototype.hasOwnProperty;
  const func0 = careloomRuntime.equal;
  const func2 = careloomRuntime.ucs2length;
  const pattern4 = new RegExp("^[a-z0-9][a-z0-9-]{1,63}$", "u");
  const pattern5 = new RegExp("^[a-z]{2,3}(-[A-Z]{2})?$", "u");
  const schema34 = careloomRuntime.schemaFiles["common.schema.json"].$defs.LocalizedText;

  function validate22(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
  let vErrors = null;
  let errors = 0;
  const evaluated0 = validate22.evaluated;
  if(evaluated0.dynamicProps){
  evaluated0.props = undefined;
  }
  if(evaluated0.dynamicItems){
  evaluated0.items = undefined;
  }
  if(data && typeof data == "object" && !Array.isArray(data)){
  if(Object.keys(data).length < 1){
  const err0 = {instancePath,schemaPath:"#/minProperties",keyword:"minProperties",params:{limit: 1},message:"must NOT have fewer than 1 properties",schema:1,parentSchema:schema34,data};
  if(vErrors === null){
  vErrors = [err0];
  }
  else {
  vErrors.push(err0);
  }
  errors++;
  }
  for(const key0 in data){
  const _errs1 = errors;
  if(typeof key0 === "string"){
  if(!pattern5.test(key0)){
  const err1 = {instancePath,schemaPath:"#/$defs/LanguageTag/pattern",keyword:"pattern",params:{pattern: "^[a-z]{2,3}(-[A-Z]{2})?$"},message:"must match pattern \""+"^[a-z]{2,3}(-[A-Z]{2})?$"+"\"",schema:"^[a-z]{2,3}(-[A-Z]{2})?$",parentSchema:schema35,data:key0,propertyName:key0};
  if(vErrors === null){
  vErrors = [err1];
  }
  else {
  vErrors.push(err1);
  }
  errors++;
  }
  }
  else {
  const err2 = {instancePath,schemaPath:"#/$defs/LanguageTag/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema35.type,parentSchema:schema35,data:key0,propertyName:key0};
  if(vErrors === null){
  vErrors = [err2];
  }
  else {
  vErrors.push(err2);
  }
  errors++;
  }
  var valid0 = _errs1 === errors;
  if(!valid0){
  const err3 = {instancePath,schemaPath:"#/propertyNames",keyword:"propertyNames",params:{propertyName: key0},message:"property name must be valid",schema:schema34.propertyNames,parentSchema:schema34,data};
  if(vErrors === null){
  vErrors = [err3];
  }
  else {
  vErrors.push(err3);
  }
  errors++;
  }
  }
  for(const key1 in data){
  let data0 = data[key1];
  if(typeof data0 === "string"){
  if(func2(data0) > 20000){
  const err4 = {instancePath:instancePath+"/" + key1.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/additionalProperties/maxLength",keyword:"maxLength",params:{limit: 20000},message:"must NOT have more than 20000 characters",schema:20000,parentSchema:schema34.additionalProperties,data:data0};
  if(vErrors === null){
  vErrors = [err4];
  }
  else {
  vErrors.push(err4);
  }
  errors++;
  }
  if(func2(data0) < 1){
  const err5 = {instancePath:instancePath+"/" + key1.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/additionalProperties/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema34.additionalProperties,data:data0};
  if(vErrors === null){
  vErrors = [err5];
  }
  else {
  vErrors.push(err5);
  }
  errors++;
  }
  }
  else {
  const err6 = {instancePath:instancePath+"/" + key1.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/additionalProperties/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema34.additionalProperties.type,parentSchema:schema34.additionalProperties,data:data0};
  if(vErrors === null){
  vErrors = [err6];
  }
  else {
  vErrors.push(err6);
  }
  errors++;
  }
  }
  }
  else {
  const err7 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema34.type,parentSchema:schema34,data};
  if(vErrors === null){
  vErrors = [err7];
  }
  else {
  vErrors.push(err7);
  }
  errors++;
  }
  validate22.errors = vErrors;
  return errors === 0;
  }
  validate22.evaluated = {"props":true,"dynamicProps":false,"dynamicItems":false};

  const schema38 = careloomRuntime.schemaFiles["module.schema.json"].$defs.Page;
  const schema39 = careloomRuntime.schemaFiles["common.schema.json"].$defs.Id;
  const pattern8 = new RegExp("^[A-Za-z][A-Za-z0-9_.-]{0,63}$", "u");
  const schema40 = careloomRuntime.schemaFiles["module.schema.json"].$defs.Condition;
  const schema41 = careloomRuntime.schemaFiles["module.schema.json"].$defs.CompareCondition;

  function validate29(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
  let vErrors = null;
  let errors = 0;
  const evaluated0 = validate29.evaluated;
  if(evaluated0.dynamicProps){
  evaluated0.props = undefined;
  }
  if(evaluated0.dynamicItems){
  evaluated0.items = undefined;
  }
  if(data && typeof data == "object" && !Array.isArray(data)){
  if(data.op === undefined){
  const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "op"},message:"must have required property '"+"op"+"'",schema:schema41.required,parentSchema:schema41,data};
  if(vErrors === null){
  vErrors = [err0];
  }
  else {
  vErrors.push(err0);
  }
  errors++;
  }
  if(data.item === undefined){
  const err1 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "item"},message:"must have required property '"+"item"+"'",schema:schema41.required,parentSchema:schema41,data};
  if(vErrors === null){
  vErrors = [err1];
  }
  else {
  vErrors.push(err1);
  }
  errors++;
  }
  if(data.value === undefined){
  const err2 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "value"},message:"must have required property '"+"value"+"'",schema:schema41.required,parentSchema:schema41,data};
  if(vErrors === null){
  vErrors = [err2];
  }
  else {
  vErrors.push(err2);
  }
  errors++;
  }
  for(const key0 in data){
  if(!(((key0 === "op") || (key0 === "item")) || (key0 === "value"))){
  const err3 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties",schema:false,parentSchema:schema41,data};
  if(vErrors === null){
  vErrors = [err3];
  }
  else {
  vErrors.push(err3);
  }
  errors++;
  }
  }
  if(data.op !== undefined){
  let data0 = data.op;
  if(!((((((data0 === "eq") || (data0 === "ne")) || (data0 === "gt")) || (data0 === "gte")) || (data0 === "lt")) || (data0 === "lte"))){
  const err4 = {instancePath:instancePath+"/op",schemaPath:"#/properties/op/enum",keyword:"enum",params:{allowedValues: schema41.properties.op.enum},message:"must be equal to one of the allowed values",schema:schema41.properties.op.enum,parentSchema:schema41.properties.op,data:data0};
  if(vErrors === null){
  vErrors = [err4];
  }
  else {
  vErrors.push(err4);
  }
  errors++;
  }
  }
  if(data.item !== undefined){
  let data1 = data.item;
  if(typeof data1 === "string"){
  if(!pattern8.test(data1)){
  const err5 = {instancePath:instancePath+"/item",schemaPath:"common.schema.json#/$defs/Id/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z][A-Za-z0-9_.-]{0,63}$"},message:"must match pattern \""+"^[A-Za-z][A-Za-z0-9_.-]{0,63}$"+"\"",schema:"^[A-Za-z][A-Za-z0-9_.-]{0,63}$",parentSchema:schema39,data:data1};
  if(vErrors === null){
  vErrors = [err5];
  }
  else {
  vErrors.push(err5);
  }
  errors++;
  }
  }
  else {
  const err6 = {instancePath:instancePath+"/item",schemaPath:"common.schema.json#/$defs/Id/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema39.type,parentSchema:schema39,data:data1};
  if(vErrors === null){
  vErrors = [err6];
  }
  else {
  vErrors.push(err6);
  }
  errors++;
  }
  }
  if(data.value !== undefined){
  let data2 = data.value;
  if(((typeof data2 !== "string") && (!((typeof data2 == "number") && (isFinite(data2))))) && (typeof data2 !== "boolean")){
  const err7 = {instancePath:instancePath+"/value",schemaPath:"#/properties/value/type",keyword:"type",params:{type: schema41.properties.value.type},message:"must be string,number,boolean",schema:schema41.properties.value.type,parentSchema:schema41.properties.value,data:data2};
  if(vErrors === null){
  vErrors = [err7];
  }
  else {
  vErrors.push(err7);
  }
  errors++;
  }
  }
  }
  else {
  const err8 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema41.type,parentSchema:schema41,data};
  if(vErrors === null){
  vErrors = [err8];
  }
  else {
  vErrors.push(err8);
  }
  errors++;
  }
  validate29.errors = vErrors;
  return errors === 0;
  }
  validate29.evaluated = {"props":true,"dynamicProps":false,"dynamicItems":false};

  const schema43 = careloomRuntime.schemaFiles["module.schema.json"].$defs.IncludesCondition;

  function validate30(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
  let vErrors = null;
  let errors = 0;
  const evaluated0 = validate30.evaluated;
  if(evaluated0.dynamicProps){
  evaluated0.props = undefined;
  }
  if(evaluated0.dynamicItems){
  evaluated0.items = undefined;
  }
  if(data && typeof data == "object" && !Array.isArray(data)){
  if(data.op === undefined){
  const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "op"},message:"must have required property '"+"op"+"'",schema:schema43.required,parentSchema:schema43,data};
  if(vErrors === null){
  vErrors = [err0];
  }
  else {
  vErrors.push(err0);
  }
  errors++;
  }
  if(data.item === undefined){
  const err1 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "item"},message:"must have required property '"+"item"+"'",schema:schema43.required,parentSchema:schema43,data};
  if(vErrors === null){
  vErrors = [err1];
  }
  else {
  vErrors.push(err1);
  }
  errors++;
  }
  if(data.value === undefined){
  const err2 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "value"},message:"must have required property '"+"value"+"'",schema:schema43.required,parentSchema:schema43,data};
  if(vErrors === null){
  vErrors = [err2];
  }
  else {
  vErrors.push(err2);
  }
  errors++;
  }
  for(const key0 in data){
  if(!(((key0 === "op") || (key0 === "item")) || (key0 === "value"))){
  const err3 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties",schema:false,parentSchema:schema43,data};
  if(vErrors === null){
  vErrors = [err3];
  }
  else {
  vErrors.push(err3);
  }
  errors++;
  }
  }
  if(data.op !== undefined){
  let data0 = data.op;
  if("includes" !== data0){
  const err4 = {instancePath:instancePath+"/op",schemaPath:"#/properties/op/const",keyword:"const",params:{allowedValue: "includes"},message:"must be equal to constant",schema:"includes",parentSchema:schema43.properties.op,data:data0};
  if(vErrors === null){
  vErrors = [err4];
  }
  else {
  vErrors.push(err4);
  }
  errors++;
  }
  }
  if(data.item !== undefined){
  let data1 = data.item;
  if(typeof data1 === "string"){
  if(!pattern8.test(data1)){
  const err5 = {instancePath:instancePath+"/item",schemaPath:"common.schema.json#/$defs/Id/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z][A-Za-z0-9_.-]{0,63}$"},message:"must match pattern \""+"^[A-Za-z][A-Za-z0-9_.-]{0,63}$"+"\"",schema:"^[A-Za-z][A-Za-z0-9_.-]{0,63}$",parentSchema:schema39,data:data1};
  if(vErrors === null){
  vErrors = [err5];
  }
  else {
  vErrors.push(err5);
  }
  errors++;
  }
  }
  else {
  const err6 = {instancePath:instancePath+"/item",schemaPath:"common.schema.json#/$defs/Id/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema39.type,parentSchema:schema39,data:data1};
  if(vErrors === null){
  vErrors = [err6];
  }
  else {
  vErrors.push(err6);
  }
  errors++;
  }
  }
  if(data.value !== undefined){
  let data2 = data.value;
  if(typeof data2 === "string"){
  if(!pattern8.test(data2)){
  const err7 = {instancePath:instancePath+"/value",schemaPath:"common.schema.json#/$defs/Id/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z][A-Za-z0-9_.-]{0,63}$"},message:"must match pattern \""+"^[A-Za-z][A-Za-z0-9_.-]{0,63}$"+"\"",schema:"^[A-Za-z][A-Za-z0-9_.-]{0,63}$",parentSchema:schema39,data:data2};
  if(vErrors === null){
  vErrors = [err7];
  }
  else {
  vErrors.push(err7);
  }
  errors++;
  }
  }
  else {
  const err8 = {instancePath:instancePath+"/value",schemaPath:"common.schema.json#/$defs/Id/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema39.type,parentSchema:schema39,data:data2};
  if(vErrors === null){
  vErrors = [err8];
  }
  else {
  vErrors.push(err8);
  }
  errors++;
  }
  }
  }
  else {
  const err9 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema43.type,parentSchema:schema43,data};
  if(vErrors === null){
  vErrors = [err9];
  }
  else {
  vErrors.push(err9);
  }
  errors++;
  }
  validate30.errors = vErrors;
  return errors === 0;
  }
  validate30.evaluated = {"props":true,"dynamicProps":false,"dynamicItems":false};

  const schema46 = careloomRuntime.schemaFiles["module.schema.json"].$defs.AnsweredCondition;

  function validate31(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
  let vErrors = null;
  let errors = 0;
  const evaluated0 = validate31.evaluated;
  if(evaluated0.dynamicProps){
  evaluated0.props = undefined;
  }
  if(evaluated0.dynamicItems){
  evaluated0.items = undefined;
  }
  if(data && typeof data == "object" && !Array.isArray(data)){
  if(data.op === undefined){
  const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "op"},message:"must have required property '"+"op"+"'",schema:schema46.required,parentSchema:schema46,data};
  if(vErrors === null){
  vErrors = [err0];
  }
  else {
  vErrors.push(err0);
  }
  errors++;
  }
  if(data.item === undefined){
  const err1 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "item"},message:"must have required property '"+"item"+"'",schema:schema46.required,parentSchema:schema46,data};
  if(vErrors === null){
  vErrors = [err1];
  }
  else {
  vErrors.push(err1);
  }
  errors++;
  }
  for(const key0 in data){
  if(!((key0 === "op") || (key0 === "item"))){
  const err2 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties",schema:false,parentSchema:schema46,data};
  if(vErrors === null){
  vErrors = [err2];
  }
  else {
  vErrors.push(err2);
  }
  errors++;
  }
  }
  if(data.op !== undefined){
  let data0 = data.op;
  if("answered" !== data0){
  const err3 = {instancePath:instancePath+"/op",schemaPath:"#/properties/op/const",keyword:"const",params:{allowedValue: "answered"},message:"must be equal to constant",schema:"answered",parentSchema:schema46.properties.op,data:data0};
  if(vErrors === null){
  vErrors = [err3];
  }
  else {
  vErrors.push(err3);
  }
  errors++;
  }
  }
  if(data.item !== undefined){
  let data1 = data.item;
  if(typeof data1 === "string"){
  if(!pattern8.test(data1)){
  const err4 = {instancePath:instancePath+"/item",schemaPath:"common.schema.json#/$defs/Id/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z][A-Za-z0-9_.-]{0,63}$"},message:"must match pattern \""+"^[A-Za-z][A-Za-z0-9_.-]{0,63}$"+"\"",schema:"^[A-Za-z][A-Za-z0-9_.-]{0,63}$",parentSchema:schema39,data:data1};
  if(vErrors === null){
  vErrors = [err4];
  }
  else {
  vErrors.push(err4);
  }
  errors++;
  }
  }
  else {
  const err5 = {instancePath:instancePath+"/item",schemaPath:"common.schema.json#/$defs/Id/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema39.type,parentSchema:schema39,data:data1};
  if(vErrors === null){
  vErrors = [err5];
  }
  else {
  vErrors.push(err5);
  }
  errors++;
  }
  }
  }
  else {
  const err6 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema46.type,parentSchema:schema46,data};
  if(vErrors === null){
  vErrors = [err6];
  }
  else {
  vErrors.push(err6);
  }
  errors++;
  }
  validate31.errors = vErrors;
  return errors === 0;
  }
  validate31.evaluated = {"props":true,"dynamicProps":false,"dynamicItems":false};

  const schema48 = careloomRuntime.schemaFiles["module.schema.json"].$defs.AllCondition;
  const wrapper0 = {validate: validate28};

  function validate32(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
  let vErrors = null;
  let errors = 0;
  const evaluated0 = validate32.evaluated;
  if(evaluated0.dynamicProps){
  evaluated0.props = undefined;
  }
  if(evaluated0.dynamicItems){
  evaluated0.items = undefined;
  }
  if(data && typeof data == "object" && !Array.isArray(data)){
  if(data.op === undefined){
  const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "op"},message:"must have required property '"+"op"+"'",schema:schema48.required,parentSchema:schema48,data};
  if(vErrors === null){
  vErrors = [err0];
  }
  else {
  vErrors.push(err0);
  }
  errors++;
  }
  if(data.conditions === undefined){
  const err1 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "conditions"},message:"must have required property '"+"conditions"+"'",schema:schema48.required,parentSchema:schema48,data};
  if(vErrors === null){
  vErrors = [err1];
  }
  else {
  vErrors.push(err1);
  }
  errors++;
  }
  for(const key0 in data){
  if(!((key0 === "op") || (key0 === "conditions"))){
  const err2 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties",schema:false,parentSchema:schema48,data};
  if(vErrors === null){
  vErrors = [err2];
  }
  else {
  vErrors.push(err2);
  }
  errors++;
  }
  }
  if(data.op !== undefined){
  let data0 = data.op;
  if("all" !== data0){
  const err3 = {instancePath:instancePath+"/op",schemaPath:"#/properties/op/const",keyword:"const",params:{allowedValue: "all"},message:"must be equal to constant",schema:"all",parentSchema:schema48.properties.op,data:data0};
  if(vErrors === null){
  vErrors = [err3];
  }
  else {
  vErrors.push(err3);
  }
  errors++;
  }
  }
  if(data.conditions !== undefined){
  let data1 = data.conditions;
  if(Array.isArray(data1)){
  if(data1.length < 1){
  const err4 = {instancePath:instancePath+"/conditions",schemaPath:"#/properties/conditions/minItems",keyword:"minItems",params:{limit: 1},message:"must NOT have fewer than 1 items",schema:1,parentSchema:schema48.properties.conditions,data:data1};
  if(vErrors === null){
  vErrors = [err4];
  }
  else {
  vErrors.push(err4);
  }
  errors++;
  }
  const len0 = data1.length;
  for(let i0=0; i0<len0; i0++){
  if(!(wrapper0.validate(data1[i0], {instancePath:instancePath+"/conditions/" + i0,parentData:data1,parentDataProperty:i0,rootData,dynamicAnchors}))){
  vErrors = vErrors === null ? wrapper0.validate.errors : vErrors.concat(wrapper0.validate.errors);
  errors = vErrors.length;
  }
  }
  }
  else {
  const err5 = {instancePath:instancePath+"/conditions",schemaPath:"#/properties/conditions/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema48.properties.conditions.type,parentSchema:schema48.properties.conditions,data:data1};
  if(vErrors === null){
  vErrors = [err5];
  }
  else {
  vErrors.push(err5);
  }
  errors++;
  }
  }
  }
  else {
  const err6 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema48.type,parentSchema:schema48,data};
  if(vErrors === null){
  vErrors = [err6];
  }
  else {
  vErrors.push(err6);
  }
  errors++;
  }
  validate32.errors = vErrors;
  return errors === 0;
  }
  validate32.evaluated = {"props":true,"dynamicProps":false,"dynamicItems":false};

  const schema49 = careloomRuntime.schemaFiles["module.schema.json"].$defs.AnyCondition;

  function validate33(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
  let vErrors = null;
  let errors = 0;
  const evaluated0 = validate33.evaluated;
  if(evaluated0.dynamicProps){
  evaluated0.props = undefined;
  }
  if(evaluated0.dynamicItems){
  evaluated0.items = undefined;
  }
  if(data && typeof data == "object" && !Array.isArray(data)){
  if(data.op === undefined){
  const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "op"},message:"must have required property '"+"op"+"'",schema:schema49.required,parentSchema:schema49,data};
  if(vErrors === null){
  vErrors = [err0];
  }
  else {
  vErrors.push(err0);
  }
  errors++;
  }
  if(data.conditions === undefined){
  const err1 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "conditions"},message:"must have required property '"+"conditions"+"'",schema:schema49.required,parentSchema:schema49,data};
  if(vErrors === null){
  vErrors = [err1];
  }
  else {
  vErrors.push(err1);
  }
  errors++;
  }
  for(const key0 in data){
  if(!((key0 === "op") || (key0 === "conditions"))){
  const err2 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties",schema:false,parentSchema:schema49,data};
  if(vErrors === null){
  vErrors = [err2];
  }
  else {
  vErrors.push(err2);
  }
  errors++;
  }
  }
  if(data.op !== undefined){
  let data0 = data.op;
  if("any" !== data0){
  const err3 = {instancePath:instancePath+"/op",schemaPath:"#/properties/op/const",keyword:"const",params:{allowedValue: "any"},message:"must be equal to constant",schema:"any",parentSchema:schema49.properties.op,data:data0};
  if(vErrors === null){
  vErrors = [err3];
  }
  else {
  vErrors.push(err3);
  }
  errors++;
  }
  }
  if(data.conditions !== undefined){
  let data1 = data.conditions;
  if(Array.isArray(data1)){
  if(data1.length < 1){
  const err4 = {instancePath:instancePath+"/conditions",schemaPath:"#/properties/conditions/minItems",keyword:"minItems",params:{limit: 1},message:"must NOT have fewer than 1 items",schema:1,parentSchema:schema49.properties.conditions,data:data1};
  if(vErrors === null){
  vErrors = [err4];
  }
  else {
  vErrors.push(err4);
  }
  errors++;
  }
  const len0 = data1.length;
  for(let i0=0; i0<len0; i0++){
  if(!(wrapper0.validate(data1[i0], {instancePath:instancePath+"/conditions/" + i0,parentData:data1,parentDataProperty:i0,rootData,dynamicAnchors}))){
  vErrors = vErrors === null ? wrapper0.validate.errors : vErrors.concat(wrapper0.validate.errors);
  errors = vErrors.length;
  }
  }
  }
  else {
  const err5 = {instancePath:instancePath+"/conditions",schemaPath:"#/properties/conditions/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema49.properties.conditions.type,parentSchema:schema49.properties.conditions,data:data1};
  if(vErrors === null){
  vErrors = [err5];
  }
  else {
  vErrors.push(err5);
  }
  errors++;
  }
  }
  }
  else {
  const err6 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema49.type,parentSchema:schema49,data};
  if(vErrors === null){
  vErrors = [err6];
  }
  else {
  vErrors.push(err6);
  }
  errors++;
  }
  validate33.errors = vErrors;
  return errors === 0;
  }
  validate33.evaluated = {"props":true,"dynamicProps":false,"dynamicItems":false};

  const schema50 = careloomRuntime.schemaFiles["module.schema.json"].$defs.NotCondition;

  function validate34(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
  let vErrors = null;
  let errors = 0;
  const evaluated0 = validate34.evaluated;
  if(evaluated0.dynamicProps){
  evaluated0.props = undefined;
  }
  if(evaluated0.dynamicItems){
  evaluated0.items = undefined;
  }
  if(data && typeof data == "object" && !Array.isArray(data)){
  if(data.op === undefined){
  const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "op"},message:"must have required property '"+"op"+"'",schema:schema50.required,parentSchema:schema50,data};
  if(vErrors === null){
  vErrors = [err0];
  }
  else {
  vErrors.push(err0);
  }
  errors++;
  }
  if(data.condition === undefined){
  const err1 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "condition"},message:"must have required property '"+"condition"+"'",schema:schema50.required,parentSchema:schema50,data};
  if(vErrors === null){
  vErrors = [err1];
  }
  else {
  vErrors.push(err1);
  }
  errors++;
  }
  for(const key0 in data){
  if(!((key0 === "op") || (key0 === "condition"))){
  const err2 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties",schema:false,parentSchema:schema50,data};
  if(vErrors === null){
  vErrors = [err2];
  }
  else {
  vErrors.push(err2);
  }
  errors++;
  }
  }
  if(data.op !== undefined){
  let data0 = data.op;
  if("not" !== data0){
  const err3 = {instancePath:instancePath+"/op",schemaPath:"#/properties/op/const",keyword:"const",params:{allowedValue: "not"},message:"must be equal to constant",schema:"not",parentSchema:schema50.properties.op,data:data0};
  if(vErrors === null){
  vErrors = [err3];
  }
  else {
  vErrors.push(err3);
  }
  errors++;
  }
  }
  if(data.condition !== undefined){
  if(!(wrapper0.validate(data.condition, {instancePath:instancePath+"/condition",parentData:data,parentDataProperty:"condition",rootData,dynamicAnchors}))){
  vErrors = vErrors === null ? wrapper0.validate.errors : vErrors.concat(wrapper0.validate.errors);
  errors = vErrors.length;
  }
  }
  }
  else {
  const err4 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema50.type,parentSchema:schema50,data};
  if(vErrors === null){
  vErrors = [err4];
  }
  else {
  vErrors.push(err4);
  }
  errors++;
  }
  validate34.errors = vErrors;
  return errors === 0;
  }
  validate34.evaluated = {"props":true,"dynamicProps":false,"dynamicItems":false};


  function validate28(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
  let vErrors = null;
  let errors = 0;
  const evaluated0 = validate28.evaluated;
  if(evaluated0.dynamicProps){
  evaluated0.props = undefined;
  }
  if(evaluated0.dynamicItems){
  evaluated0.items = undefined;
  }
  if(data && typeof data == "object" && !Array.isArray(data)){
  if(data.op === undefined){
  const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "op"},message:"must have required property '"+"op"+"'",schema:schema40.required,parentSchema:schema40,data};
  if(vErrors === null){
  vErrors = [err0];
  }
  else {
  vErrors.push(err0);
  }
  errors++;
  }
  const tag0 = data.op;
  if(typeof tag0 == "string"){
  if(tag0 === "eq"){
  if(!(validate29(data, {instancePath,parentData,parentDataProperty,rootData,dynamicAnchors}))){
  vErrors = vErrors === null ? validate29.errors : vErrors.concat(validate29.errors);
  errors = vErrors.length;
  }
  var props0 = true;
  }
  else if(tag0 === "ne"){
  if(!(validate29(data, {instancePath,parentData,parentDataProperty,rootData,dynamicAnchors}))){
  vErrors = vErrors === null ? validate29.errors : vErrors.concat(validate29.errors);
  errors = vErrors.length;
  }
  if(props0 !== true){
  props0 = true;
  }
  }
  else if(tag0 === "gt"){
  if(!(validate29(data, {instancePath,parentData,parentDataProperty,rootData,dynamicAnchors}))){
  vErrors = vErrors === null ? validate29.errors : vErrors.concat(validate29.errors);
  errors = vErrors.length;
  }
  if(props0 !== true){
  props0 = true;
  }
  }
  else if(tag0 === "gte"){
  if(!(validate29(data, {instancePath,parentData,parentDataProperty,rootData,dynamicAnchors}))){
  vErrors = vErrors === null ? validate29.errors : vErrors.concat(validate29.errors);
  errors = vErrors.length;
  }
  if(props0 !== true){
  props0 = true;
  }
  }
  else if(tag0 === "lt"){
  if(!(validate29(data, {instancePath,parentData,parentDataProperty,rootData,dynamicAnchors}))){
  vErrors = vErrors === null ? validate29.errors : vErrors.concat(validate29.errors);
  errors = vErrors.length;
  }
  if(props0 !== true){
  props0 = true;
  }
  }
  else if(tag0 === "lte"){
  if(!(validate29(data, {instancePath,parentData,parentDataProperty,rootData,dynamicAnchors}))){
  vErrors = vErrors === null ? validate29.errors : vErrors.concat(validate29.errors);
  errors = vErrors.length;
  }
  if(props0 !== true){
  props0 = true;
  }
  }
  else if(tag0 === "includes"){
  if(!(validate30(data, {instancePath,parentData,parentDataProperty,rootData,dynamicAnchors}))){
  vErrors = vErrors === null ? validate30.errors : vErrors.concat(validate30.errors);
  errors = vErrors.length;
  }
  if(props0 !== true){
  props0 = true;
  }
  }
  else if(tag0 === "answered"){
  if(!(validate31(data, {instancePath,parentData,parentDataProperty,rootData,dynamicAnchors}))){
  vErrors = vErrors === null ? validate31.errors : vErrors.concat(validate31.errors);
  errors = vErrors.length;
  }
  if(props0 !== true){
  props0 = true;
  }
  }
  else if(tag0 === "all"){
  if(!(validate32(data, {instancePath,parentData,parentDataProperty,rootData,dynamicAnchors}))){
  vErrors = vErrors === null ? validate32.errors : vErrors.concat(validate32.errors);
  errors = vErrors.length;
  }
  if(props0 !== true){
  props0 = true;
  }
  }
  else if(tag0 === "any"){
  if(!(validate33(data, {instancePath,parentData,parentDataProperty,rootData,dynamicAnchors}))){
  vErrors = vErrors === null ? validate33.errors : vErrors.concat(validate33.errors);
  errors = vErrors.length;
  }
  if(props0 !== true){
  props0 = true;
  }
  }
  else if(tag0 === "not"){
  if(!(validate34(data, {instancePath,parentData,parentDataProperty,rootData,dynamicAnchors}))){
  vErrors = vErrors === null ? validate34.errors : vErrors.concat(validate34.errors);
  errors = vErrors.length;
  }
  if(props0 !== true){
  props0 = true;
  }
  }
  else {
  const err1 = {instancePath,schemaPath:"#/discriminator",keyword:"discriminator",params:{error: "mapping", tag: "op", tagValue: tag0},message:"value of tag \"op\" must be in oneOf",schema:schema40.discriminator,parentSchema:schema40,data};
  if(vErrors === null){
  vErrors = [err1];
  }
  else {
  vErrors.push(err1);
  }
  errors++;
  }
  }
  else {
  const err2 = {instancePath,schemaPath:"#/discriminator",keyword:"discriminator",params:{error: "tag", tag: "op", tagValue: tag0},message:"tag \"op\" must be string",schema:schema40.discriminator,parentSchema:schema40,data};
  if(vErrors === null){
  vErrors = [err2];
  }
  else {
  vErrors.push(err2);
  }
  errors++;
  }
  }
  else {
  const err3 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema40.type,parentSchema:schema40,data};
  if(vErrors === null){
  vErrors = [err3];
  }
  else {
  vErrors.push(err3);
  }
  errors++;
  }
  validate28.errors = vErrors;
  evaluated0.props = props0;
  return errors === 0;
  }
  validate28.evaluated = {"dynamicProps":true,"dynamicItems":false};

  const schema51 = careloomRuntime.schemaFiles["module.schema.json"].$defs.Block;
  const schema52 = careloomRuntime.schemaFiles["module.schema.json"].$defs.TextBlock;
  const schema54 = careloomRuntime.schemaFiles["common.schema.json"].$defs.LocalizedRichText;
  const schema56 = careloomRuntime.schemaFiles["common.schema.json"].$defs.RichTextDoc;
  const schema57 = careloomRuntime.schemaFiles["common.schema.json"].$defs.RichTextNode;
  const schema58 = careloomRuntime.schemaFiles["common.schema.json"].$defs.RichTextAttrs;
  const schema59 = careloomRuntime.schemaFiles["common.schema.json"].$defs.RichTextMark;
  const wrapper3 = {validate: validate52};
  const pattern15 = new RegExp("^(?:https?://[^\\s/\\\\]|mailto:[^\\s]|tel:[^\\s]|/(?![/\\\\])|#)[^\\s\\u0000-\\u001f\\u007f]*$", "u");

  function validate52(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
  let vErrors = null;
  let errors = 0;
  const evaluated0 = validate52.evaluated;
  if(evaluated0.dynamicProps){
  evaluated0.props = undefined;
  }
  if(evaluated0.dynamicItems){
  evaluated0.items = undefined;
  }
  if(data && typeof data == "object" && !Array.isArray(data)){
  if(data.type === undefined){
  const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "type"},message:"must have required property '"+"type"+"'",schema:schema57.required,parentSchema:schema57,data};
  if(vErrors === null){
  vErrors = [err0];
  }
  else {
  vErrors.push(err0);
  }
  errors++;
  }
  for(const key0 in data){
  if(!(((((key0 === "type") || (key0 === "attrs")) || (key0 === "content")) || (key0 === "text")) || (key0 === "marks"))){
  const err1 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties",schema:false,parentSchema:schema57,data};
  if(vErrors === null){
  vErrors = [err1];
  }
  else {
  vErrors.push(err1);
  }
  errors++;
  }
  }
  if(data.type !== undefined){
  let data0 = data.type;
  if(!((((((((((data0 === "paragraph") || (data0 === "heading")) || (data0 === "bulletList")) || (data0 === "orderedList")) || (data0 === "listItem")) || (data0 === "blockquote")) || (data0 === "callout")) || (data0 === "horizontalRule")) || (data0 === "hardBreak")) || (data0 === "text"))){
  const err2 = {instancePath:instancePath+"/type",schemaPath:"#/properties/type/enum",keyword:"enum",params:{allowedValues: schema57.properties.type.enum},message:"must be equal to one of the allowed values",schema:schema57.properties.type.enum,parentSchema:schema57.properties.type,data:data0};
  if(vErrors === null){
  vErrors = [err2];
  }
  else {
  vErrors.push(err2);
  }
  errors++;
  }
  }
  if(data.attrs !== undefined){
  let data1 = data.attrs;
  if(data1 && typeof data1 == "object" && !Array.isArray(data1)){
  for(const key1 in data1){
  if(!((((key1 === "level") || (key1 === "start")) || (key1 === "type")) || (key1 === "tone"))){
  const err3 = {instancePath:instancePath+"/attrs",schemaPath:"#/$defs/RichTextAttrs/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key1},message:"must NOT have additional properties",schema:false,parentSchema:schema58,data:data1};
  if(vErrors === null){
  vErrors = [err3];
  }
  else {
  vErrors.push(err3);
  }
  errors++;
  }
  }
  if(data1.level !== undefined){
  let data2 = data1.level;
  if(!(((typeof data2 == "number") && (!(data2 % 1) && !isNaN(data2))) && (isFinite(data2)))){
  const err4 = {instancePath:instancePath+"/attrs/level",schemaPath:"#/$defs/RichTextAttrs/properties/level/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema58.properties.level.type,parentSchema:schema58.properties.level,data:data2};
  if(vErrors === null){
  vErrors = [err4];
  }
  else {
  vErrors.push(err4);
  }
  errors++;
  }
  if((typeof data2 == "number") && (isFinite(data2))){
  if(data2 > 4 || isNaN(data2)){
  const err5 = {instancePath:instancePath+"/attrs/level",schemaPath:"#/$defs/RichTextAttrs/properties/level/maximum",keyword:"maximum",params:{comparison: "<=", limit: 4},message:"must be <= 4",schema:4,parentSchema:schema58.properties.level,data:data2};
  if(vErrors === null){
  vErrors = [err5];
  }
  else {
  vErrors.push(err5);
  }
  errors++;
  }
  if(data2 < 1 || isNaN(data2)){
  const err6 = {instancePath:instancePath+"/attrs/level",schemaPath:"#/$defs/RichTextAttrs/properties/level/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1",schema:1,parentSchema:schema58.properties.level,data:data2};
  if(vErrors === null){
  vErrors = [err6];
  }
  else {
  vErrors.push(err6);
  }
  errors++;
  }
  }
  }
  if(data1.start !== undefined){
  let data3 = data1.start;
  if(!(((typeof data3 == "number") && (!(data3 % 1) && !isNaN(data3))) && (isFinite(data3)))){
  const err7 = {instancePath:instancePath+"/attrs/start",schemaPath:"#/$defs/RichTextAttrs/properties/start/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema58.properties.start.type,parentSchema:schema58.properties.start,data:data3};
  if(vErrors === null){
  vErrors = [err7];
  }
  else {
  vErrors.push(err7);
  }
  errors++;
  }
  if((typeof data3 == "number") && (isFinite(data3))){
  if(data3 < 0 || isNaN(data3)){
  const err8 = {instancePath:instancePath+"/attrs/start",schemaPath:"#/$defs/RichTextAttrs/properties/start/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema58.properties.start,data:data3};
  if(vErrors === null){
  vErrors = [err8];
  }
  else {
  vErrors.push(err8);
  }
  errors++;
  }
  }
  }
  if(data1.type !== undefined){
  let data4 = data1.type;
  if((typeof data4 !== "string") && (data4 !== null)){
  const err9 = {instancePath:instancePath+"/attrs/type",schemaPath:"#/$defs/RichTextAttrs/properties/type/type",keyword:"type",params:{type: schema58.properties.type.type},message:"must be string,null",schema:schema58.properties.type.type,parentSchema:schema58.properties.type,data:data4};
  if(vErrors === null){
  vErrors = [err9];
  }
  else {
  vErrors.push(err9);
  }
  errors++;
  }
  if(typeof data4 === "string"){
  if(func2(data4) > 20){
  const err10 = {instancePath:instancePath+"/attrs/type",schemaPath:"#/$defs/RichTextAttrs/properties/type/maxLength",keyword:"maxLength",params:{limit: 20},message:"must NOT have more than 20 characters",schema:20,parentSchema:schema58.properties.type,data:data4};
  if(vErrors === null){
  vErrors = [err10];
  }
  else {
  vErrors.push(err10);
  }
  errors++;
  }
  }
  }
  if(data1.tone !== undefined){
  let data5 = data1.tone;
  if(!((((data5 === "note") || (data5 === "tip")) || (data5 === "warning")) || (data5 === "crisis"))){
  const err11 = {instancePath:instancePath+"/attrs/tone",schemaPath:"#/$defs/RichTextAttrs/properties/tone/enum",keyword:"enum",params:{allowedValues: schema58.properties.tone.enum},message:"must be equal to one of the allowed values",schema:schema58.properties.tone.enum,parentSchema:schema58.properties.tone,data:data5};
  if(vErrors === null){
  vErrors = [err11];
  }
  else {
  vErrors.push(err11);
  }
  errors++;
  }
  }
  }
  else {
  const err12 = {instancePath:instancePath+"/attrs",schemaPath:"#/$defs/RichTextAttrs/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema58.type,parentSchema:schema58,data:data1};
  if(vErrors === null){
  vErrors = [err12];
  }
  else {
  vErrors.push(err12);
  }
  errors++;
  }
  }
  if(data.content !== undefined){
  let data6 = data.content;
  if(Array.isArray(data6)){
  const len0 = data6.length;
  for(let i0=0; i0<len0; i0++){
  if(!(wrapper3.validate(data6[i0], {instancePath:instancePath+"/content/" + i0,parentData:data6,parentDataProperty:i0,rootData,dynamicAnchors}))){
  vErrors = vErrors === null ? wrapper3.validate.errors : vErrors.concat(wrapper3.validate.errors);
  errors = vErrors.length;
  }
  }
  }
  else {
  const err13 = {instancePath:instancePath+"/content",schemaPath:"#/properties/content/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema57.properties.content.type,parentSchema:schema57.properties.content,data:data6};
  if(vErrors === null){
  vErrors = [err13];
  }
  else {
  vErrors.push(err13);
  }
  errors++;
  }
  }
  if(data.text !== undefined){
  let data8 = data.text;
  if(typeof data8 === "string"){
  if(func2(data8) < 1){
  const err14 = {instancePath:instancePath+"/text",schemaPath:"#/properties/text/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema57.properties.text,data:data8};
  if(vErrors === null){
  vErrors = [err14];
  }
  else {
  vErrors.push(err14);
  }
  errors++;
  }
  }
  else {
  const err15 = {instancePath:instancePath+"/text",schemaPath:"#/properties/text/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema57.properties.text.type,parentSchema:schema57.properties.text,data:data8};
  if(vErrors === null){
  vErrors = [err15];
  }
  else {
  vErrors.push(err15);
  }
  errors++;
  }
  }
  if(data.marks !== undefined){
  let data9 = data.marks;
  if(Array.isArray(data9)){
  const len1 = data9.length;
  for(let i1=0; i1<len1; i1++){
  let data10 = data9[i1];
  if(data10 && typeof data10 == "object" && !Array.isArray(data10)){
  if(data10.type === undefined){
  const err16 = {instancePath:instancePath+"/marks/" + i1,schemaPath:"#/$defs/RichTextMark/required",keyword:"required",params:{missingProperty: "type"},message:"must have required property '"+"type"+"'",schema:schema59.required,parentSchema:schema59,data:data10};
  if(vErrors === null){
  vErrors = [err16];
  }
  else {
  vErrors.push(err16);
  }
  errors++;
  }
  for(const key2 in data10){
  if(!((key2 === "type") || (key2 === "attrs"))){
  const err17 = {instancePath:instancePath+"/marks/" + i1,schemaPath:"#/$defs/RichTextMark/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key2},message:"must NOT have additional properties",schema:false,parentSchema:schema59,data:data10};
  if(vErrors === null){
  vErrors = [err17];
  }
  else {
  vErrors.push(err17);
  }
  errors++;
  }
  }
  if(data10.type !== undefined){
  let data11 = data10.type;
  if(!((((((data11 === "bold") || (data11 === "italic")) || (data11 === "underline")) || (data11 === "strike")) || (data11 === "code")) || (data11 === "link"))){
  const err18 = {instancePath:instancePath+"/marks/" + i1+"/type",schemaPath:"#/$defs/RichTextMark/properties/type/enum",keyword:"enum",params:{allowedValues: schema59.properties.type.enum},message:"must be equal to one of the allowed values",schema:schema59.properties.type.enum,parentSchema:schema59.properties.type,data:data11};
  if(vErrors === null){
  vErrors = [err18];
  }
  else {
  vErrors.push(err18);
  }
  errors++;
  }
  }
  if(data10.attrs !== undefined){
  let data12 = data10.attrs;
  if(data12 && typeof data12 == "object" && !Array.isArray(data12)){
  for(const key3 in data12){
  if(!((((key3 === "href") || (key3 === "target")) || (key3 === "rel")) || (key3 === "class"))){
  const err19 = {instancePath:instancePath+"/marks/" + i1+"/attrs",schemaPath:"#/$defs/RichTextMark/properties/attrs/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key3},message:"must NOT have additional properties",schema:false,parentSchema:schema59.properties.attrs,data:data12};
  if(vErrors === null){
  vErrors = [err19];
  }
  else {
  vErrors.push(err19);
  }
  errors++;
  }
  }
  if(data12.href !== undefined){
  let data13 = data12.href;
  if(typeof data13 === "string"){
  if(!pattern15.test(data13)){
  const err20 = {instancePath:instancePath+"/marks/" + i1+"/attrs/href",schemaPath:"#/$defs/RichTextMark/properties/attrs/properties/href/pattern",keyword:"pattern",params:{pattern: "^(?:https?://[^\\s/\\\\]|mailto:[^\\s]|tel:[^\\s]|/(?![/\\\\])|#)[^\\s\\u0000-\\u001f\\u007f]*$"},message:"must match pattern \""+"^(?:https?://[^\\s/\\\\]|mailto:[^\\s]|tel:[^\\s]|/(?![/\\\\])|#)[^\\s\\u0000-\\u001f\\u007f]*$"+"\"",schema:"^(?:https?://[^\\s/\\\\]|mailto:[^\\s]|tel:[^\\s]|/(?![/\\\\])|#)[^\\s\\u0000-\\u001f\\u007f]*$",parentSchema:schema59.properties.attrs.properties.href,data:data13};
  if(vErrors === null){
  vErrors = [err20];
  }
  else {
  vErrors.push(err20);
  }
  errors++;
  }
  }
  else {
  const err21 = {instancePath:instancePath+"/marks/" + i1+"/attrs/href",schemaPath:"#/$defs/RichTextMark/properties/attrs/properties/href/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema59.properties.attrs.properties.href.type,parentSchema:schema59.properties.attrs.properties.href,data:data13};
  if(vErrors === null){
  vErrors = [err21];
  }
  else {
  vErrors.push(err21);
  }
  errors++;
  }
  }
  if(data12.target !== undefined){
  let data14 = data12.target;
  if((typeof data14 !== "string") && (data14 !== null)){
  const err22 = {instancePath:instancePath+"/marks/" + i1+"/attrs/target",schemaPath:"#/$defs/RichTextMark/properties/attrs/properties/target/type",keyword:"type",params:{type: schema59.properties.attrs.properties.target.type},message:"must be string,null",schema:schema59.properties.attrs.properties.target.type,parentSchema:schema59.properties.attrs.properties.target,data:data14};
  if(vErrors === null){
  vErrors = [err22];
  }
  else {
  vErrors.push(err22);
  }
  errors++;
  }
  if(!((data14 === "_blank") || (data14 === null))){
  const err23 = {instancePath:instancePath+"/marks/" + i1+"/attrs/target",schemaPath:"#/$defs/RichTextMark/properties/attrs/properties/target/enum",keyword:"enum",params:{allowedValues: schema59.properties.attrs.properties.target.enum},message:"must be equal to one of the allowed values",schema:schema59.properties.attrs.properties.target.enum,parentSchema:schema59.properties.attrs.properties.target,data:data14};
  if(vErrors === null){
  vErrors = [err23];
  }
  else {
  vErrors.push(err23);
  }
  errors++;
  }
  }
  if(data12.rel !== undefined){
  let data15 = data12.rel;
  if((typeof data15 !== "string") && (data15 !== null)){
  const err24 = {instancePath:instancePath+"/marks/" + i1+"/attrs/rel",schemaPath:"#/$defs/RichTextMark/properties/attrs/properties/rel/type",keyword:"type",params:{type: schema59.properties.attrs.properties.rel.type},message:"must be string,null",schema:schema59.properties.attrs.properties.rel.type,parentSchema:schema59.properties.attrs.properties.rel,data:data15};
  if(vErrors === null){
  vErrors = [err24];
  }
  else {
  vErrors.push(err24);
  }
  errors++;
  }
  if(typeof data15 === "string"){
  if(func2(data15) > 100){
  const err25 = {instancePath:instancePath+"/marks/" + i1+"/attrs/rel",schemaPath:"#/$defs/RichTextMark/properties/attrs/properties/rel/maxLength",keyword:"maxLength",params:{limit: 100},message:"must NOT have more than 100 characters",schema:100,parentSchema:schema59.properties.attrs.properties.rel,data:data15};
  if(vErrors === null){
  vErrors = [err25];
  }
  else {
  vErrors.push(err25);
  }
  errors++;
  }
  }
  }
  if(data12.class !== undefined){
  let data16 = data12.class;
  if(data16 !== null){
  const err26 = {instancePath:instancePath+"/marks/" + i1+"/attrs/class",schemaPath:"#/$defs/RichTextMark/properties/attrs/properties/class/type",keyword:"type",params:{type: "null"},message:"must be null",schema:schema59.properties.attrs.properties.class.type,parentSchema:schema59.properties.attrs.properties.class,data:data16};
  if(vErrors === null){
  vErrors = [err26];
  }
  else {
  vErrors.push(err26);
  }
  errors++;
  }
  }
  }
  else {
  const err27 = {instancePath:instancePath+"/marks/" + i1+"/attrs",schemaPath:"#/$defs/RichTextMark/properties/attrs/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema59.properties.attrs.type,parentSchema:schema59.properties.attrs,data:data12};
  if(vErrors === null){
  vErrors = [err27];
  }
  else {
  vErrors.push(err27);
  }
  errors++;
  }
  }
  }
  else {
  const err28 = {instancePath:instancePath+"/marks/" + i1,schemaPath:"#/$defs/RichTextMark/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema59.type,parentSchema:schema59,data:data10};
  if(vErrors === null){
  vErrors = [err28];
  }
  else {
  vErrors.push(err28);
  }
  errors++;
  }
  }
  }
  else {
  const err29 = {instancePath:instancePath+"/marks",schemaPath:"#/properties/marks/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema57.properties.marks.type,parentSchema:schema57.properties.marks,data:data9};
  if(vErrors === null){
  vErrors = [err29];
  }
  else {
  vErrors.push(err29);
  }
  errors++;
  }
  }
  }
  else {
  const err30 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema57.type,parentSchema:schema57,data};
  if(vErrors === null){
  vErrors = [err30];
  }
  else {
  vErrors.push(err30);
  }
  errors++;
  }
  validate52.errors = vErrors;
  return errors === 0;
  }
  validate52.evaluated = {"props":true,"dynamicProps":false,"dynamicItems":false};


  function validate51(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
  let vErrors = null;
  let errors = 0;
  const evaluated0 = validate51.evaluated;
  if(evaluated0.dynamicProps){
  evaluated0.props = undefined;
  }
  if(evaluated0.dynamicItems){
  evaluated0.items = undefined;
  }
  if(data && typeof data == "object" && !Array.isArray(data)){
  if(data.type === undefined){
  const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "type"},message:"must have required property '"+"type"+"'",schema:schema56.required,parentSchema:schema56,data};
  if(vErrors === null){
  vErrors = [err0];
  }
  else {
  vErrors.push(err0);
  }
  errors++;
  }
  if(data.content === undefined){
  const err1 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "content"},message:"must have required property '"+"content"+"'",schema:schema56.required,parentSchema:schema56,data};
  if(vErrors === null){
  vErrors = [err1];
  }
  else {
  vErrors.push(err1);
  }
  errors++;
  }
  for(const key0 in data){
  if(!((key0 === "type") || (key0 === "content"))){
  const err2 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties",schema:false,parentSchema:schema56,data};
  if(vErrors === null){
  vErrors = [err2];
  }
  else {
  vErrors.push(err2);
  }
  errors++;
  }
  }
  if(data.type !== undefined){
  let data0 = data.type;
  if("doc" !== data0){
  const err3 = {instancePath:instancePath+"/type",schemaPath:"#/properties/type/const",keyword:"const",params:{allowedValue: "doc"},message:"must be equal to constant",schema:"doc",parentSchema:schema56.properties.type,data:data0};
  if(vErrors === null){
  vErrors = [err3];
  }
  else {
  vErrors.push(err3);
  }
  errors++;
  }
  }
  if(data.content !== undefined){
  let data1 = data.content;
  if(Array.isArray(data1)){
  const len0 = data1.length;
  for(let i0=0; i0<len0; i0++){
  if(!(validate52(data1[i0], {instancePath:instancePath+"/content/" + i0,parentData:data1,parentDataProperty:i0,rootData,dynamicAnchors}))){
  vErrors = vErrors === null ? validate52.errors : vErrors.concat(validate52.errors);
  errors = vErrors.length;
  }
  }
  }
  else {
  const err4 = {instancePath:instancePath+"/content",schemaPath:"#/properties/content/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema56.properties.content.type,parentSchema:schema56.properties.content,data:data1};
  if(vErrors === null){
  vErrors = [err4];
  }
  else {
  vErrors.push(err4);
  }
  errors++;
  }
  }
  }
  else {
  const err5 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema56.type,parentSchema:schema56,data};
  if(vErrors === null){
  vErrors = [err5];
  }
  else {
  vErrors.push(err5);
  }
  errors++;
  }
  validate51.errors = vErrors;
  return errors === 0;
  }
  validate51.evaluated = {"props":true,"dynamicProps":false,"dynamicItems":false};


  function validate50(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
  let vErrors = null;
  let errors = 0;
  const evaluated0 = validate50.evaluated;
  if(evaluated0.dynamicProps){
  evaluated0.props = undefined;
  }
  if(evaluated0.dynamicItems){
  evaluated0.items = undefined;
  }
  if(data && typeof data == "object" && !Array.isArray(data)){
  if(Object.keys(data).length < 1){
  const err0 = {instancePath,schemaPath:"#/minProperties",keyword:"minProperties",params:{limit: 1},message:"must NOT have fewer than 1 properties",schema:1,parentSchema:schema54,data};
  if(vErrors === null){
  vErrors = [err0];
  }
  else {
  vErrors.push(err0);
  }
  errors++;
  }
  for(const key0 in data){
  const _errs1 = errors;
  if(typeof key0 === "string"){
  if(!pattern5.test(key0)){
  const err1 = {instancePath,schemaPath:"#/$defs/LanguageTag/pattern",keyword:"pattern",params:{pattern: "^[a-z]{2,3}(-[A-Z]{2})?$"},message:"must match pattern \""+"^[a-z]{2,3}(-[A-Z]{2})?$"+"\"",schema:"^[a-z]{2,3}(-[A-Z]{2})?$",parentSchema:schema35,data:key0,propertyName:key0};
  if(vErrors === null){
  vErrors = [err1];
  }
  else {
  vErrors.push(err1);
  }
  errors++;
  }
  }
  else {
  const err2 = {instancePath,schemaPath:"#/$defs/LanguageTag/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema35.type,parentSchema:schema35,data:key0,propertyName:key0};
  if(vErrors === null){
  vErrors = [err2];
  }
  else {
  vErrors.push(err2);
  }
  errors++;
  }
  var valid0 = _errs1 === errors;
  if(!valid0){
  const err3 = {instancePath,schemaPath:"#/propertyNames",keyword:"propertyNames",params:{propertyName: key0},message:"property name must be valid",schema:schema54.propertyNames,parentSchema:schema54,data};
  if(vErrors === null){
  vErrors = [err3];
  }
  else {
  vErrors.push(err3);
  }
  errors++;
  }
  }
  for(const key1 in data){
  if(!(validate51(data[key1], {instancePath:instancePath+"/" + key1.replace(/~/g, "~0").replace(/\//g, "~1"),parentData:data,parentDataProperty:key1,rootData,dynamicAnchors}))){
  vErrors = vErrors === null ? validate51.errors : vErrors.concat(validate51.errors);
  errors = vErrors.length;
  }
  }
  }
  else {
  const err4 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema54.type,parentSchema:schema54,data};
  if(vErrors === null){
  vErrors = [err4];
  }
  else {
  vErrors.push(err4);
  }
  errors++;
  }
  validate50.errors = vErrors;
  return errors === 0;
  }
  validate50.evaluated = {"props":true,"dynamicProps":false,"dynamicItems":false};


  function validate48(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
  let vErrors = null;
  let errors = 0;
  const evaluated0 = validate48.evaluated;
  if(evaluated0.dynamicProps){
  evaluated0.props = undefined;
  }
  if(evaluated0.dynamicItems){
  evaluated0.items = undefined;
  }
  if(data && typeof data == "object" && !Array.isArray(data)){
  if(data.type === undefined){
  const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "type"},message:"must have required property '"+"type"+"'",schema:schema52.required,parentSchema:schema52,data};
  if(vErrors === null){
  vErrors = [err0];
  }
  else {
  vErrors.push(err0);
  }
  errors++;
  }
  if(data.id === undefined){
  const err1 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "id"},message:"must have required property '"+"id"+"'",schema:schema52.required,parentSchema:schema52,data};
  if(vErrors === null){
  vErrors = [err1];
  }
  else {
  vErrors.push(err1);
  }
  errors++;
  }
  if(data.content === undefined){
  const err2 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "content"},message:"must have required property '"+"content"+"'",schema:schema52.required,parentSchema:schema52,data};
  if(vErrors === null){
  vErrors = [err2];
  }
  else {
  vErrors.push(err2);
  }
  errors++;
  }
  for(const key0 in data){
  if(!((((key0 === "type") || (key0 === "id")) || (key0 === "visibleWhen")) || (key0 === "content"))){
  const err3 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties",schema:false,parentSchema:schema52,data};
  if(vErrors === null){
  vErrors = [err3];
  }
  else {
  vErrors.push(err3);
  }
  errors++;
  }
  }
  if(data.type !== undefined){
  let data0 = data.type;
  if("text" !== data0){
  const err4 = {instancePath:instancePath+"/type",schemaPath:"#/properties/type/const",keyword:"const",params:{allowedValue: "text"},message:"must be equal to constant",schema:"text",parentSchema:schema52.properties.type,data:data0};
  if(vErrors === null){
  vErrors = [err4];
  }
  else {
  vErrors.push(err4);
  }
  errors++;
  }
  }
  if(data.id !== undefined){
  let data1 = data.id;
  if(typeof data1 === "string"){
  if(!pattern8.test(data1)){
  const err5 = {instancePath:instancePath+"/id",schemaPath:"common.schema.json#/$defs/Id/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z][A-Za-z0-9_.-]{0,63}$"},message:"must match pattern \""+"^[A-Za-z][A-Za-z0-9_.-]{0,63}$"+"\"",schema:"^[A-Za-z][A-Za-z0-9_.-]{0,63}$",parentSchema:schema39,data:data1};
  if(vErrors === null){
  vErrors = [err5];
  }
  else {
  vErrors.push(err5);
  }
  errors++;
  }
  }
  else {
  const err6 = {instancePath:instancePath+"/id",schemaPath:"common.schema.json#/$defs/Id/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema39.type,parentSchema:schema39,data:data1};
  if(vErrors === null){
  vErrors = [err6];
  }
  else {
  vErrors.push(err6);
  }
  errors++;
  }
  }
  if(data.visibleWhen !== undefined){
  if(!(validate28(data.visibleWhen, {instancePath:instancePath+"/visibleWhen",parentData:data,parentDataProperty:"visibleWhen",rootData,dynamicAnchors}))){
  vErrors = vErrors === null ? validate28.errors : vErrors.concat(validate28.errors);
  errors = vErrors.length;
  }
  }
  if(data.content !== undefined){
  if(!(validate50(data.content, {instancePath:instancePath+"/content",parentData:data,parentDataProperty:"content",rootData,dynamicAnchors}))){
  vErrors = vErrors === null ? validate50.errors : vErrors.concat(validate50.errors);
  errors = vErrors.length;
  }
  }
  }
  else {
  const err7 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema52.type,parentSchema:schema52,data};
  if(vErrors === null){
  vErrors = [err7];
  }
  else {
  vErrors.push(err7);
  }
  errors++;
  }
  validate48.errors = vErrors;
  return errors === 0;
  }
  validate48.evaluated = {"props":true,"dynamicProps":false,"dynamicItems":false};

  const schema60 = careloomRuntime.schemaFiles["module.schema.json"].$defs.ImageBlock;
  const schema62 = careloomRuntime.schemaFiles["module.schema.json"].$defs.MediaSource;
  const pattern17 = new RegExp("^(https://|/)", "u");

  function validate56(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
  let vErrors = null;
  let errors = 0;
  const evaluated0 = validate56.evaluated;
  if(evaluated0.dynamicProps){
  evaluated0.props = undefined;
  }
  if(evaluated0.dynamicItems){
  evaluated0.items = undefined;
  }
  if(data && typeof data == "object" && !Array.isArray(data)){
  if(data.type === undefined){
  const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "type"},message:"must have required property '"+"type"+"'",schema:schema60.required,parentSchema:schema60,data};
  if(vErrors === null){
  vErrors = [err0];
  }
  else {
  vErrors.push(err0);
  }
  errors++;
  }
  if(data.id === undefined){
  const err1 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "id"},message:"must have required property '"+"id"+"'",schema:schema60.required,parentSchema:schema60,data};
  if(vErrors === null){
  vErrors = [err1];
  }
  else {
  vErrors.push(err1);
  }
  errors++;
  }
  if(data.src === undefined){
  const err2 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "src"},message:"must have required property '"+"src"+"'",schema:schema60.required,parentSchema:schema60,data};
  if(vErrors === null){
  vErrors = [err2];
  }
  else {
  vErrors.push(err2);
  }
  errors++;
  }
  if(data.alt === undefined){
  const err3 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "alt"},message:"must have required property '"+"alt"+"'",schema:schema60.required,parentSchema:schema60,data};
  if(vErrors === null){
  vErrors = [err3];
  }
  else {
  vErrors.push(err3);
  }
  errors++;
  }
  for(const key0 in data){
  if(!(((((((key0 === "type") || (key0 === "id")) || (key0 === "visibleWhen")) || (key0 === "src")) || (key0 === "alt")) || (key0 === "caption")) || (key0 === "credit"))){
  const err4 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties",schema:false,parentSchema:schema60,data};
  if(vErrors === null){
  vErrors = [err4];
  }
  else {
  vErrors.push(err4);
  }
  errors++;
  }
  }
  if(data.type !== undefined){
  let data0 = data.type;
  if("image" !== data0){
  const err5 = {instancePath:instancePath+"/type",schemaPath:"#/properties/type/const",keyword:"const",params:{allowedValue: "image"},message:"must be equal to constant",schema:"image",parentSchema:schema60.properties.type,data:data0};
  if(vErrors === null){
  vErrors = [err5];
  }
  else {
  vErrors.push(err5);
  }
  errors++;
  }
  }
  if(data.id !== undefined){
  let data1 = data.id;
  if(typeof data1 === "string"){
  if(!pattern8.test(data1)){
  const err6 = {instancePath:instancePath+"/id",schemaPath:"common.schema.json#/$defs/Id/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z][A-Za-z0-9_.-]{0,63}$"},message:"must match pattern \""+"^[A-Za-z][A-Za-z0-9_.-]{0,63}$"+"\"",schema:"^[A-Za-z][A-Za-z0-9_.-]{0,63}$",parentSchema:schema39,data:data1};
  if(vErrors === null){
  vErrors = [err6];
  }
  else {
  vErrors.push(err6);
  }
  errors++;
  }
  }
  else {
  const err7 = {instancePath:instancePath+"/id",schemaPath:"common.schema.json#/$defs/Id/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema39.type,parentSchema:schema39,data:data1};
  if(vErrors === null){
  vErrors = [err7];
  }
  else {
  vErrors.push(err7);
  }
  errors++;
  }
  }
  if(data.visibleWhen !== undefined){
  if(!(validate28(data.visibleWhen, {instancePath:instancePath+"/visibleWhen",parentData:data,parentDataProperty:"visibleWhen",rootData,dynamicAnchors}))){
  vErrors = vErrors === null ? validate28.errors : vErrors.concat(validate28.errors);
  errors = vErrors.length;
  }
  }
  if(data.src !== undefined){
  let data3 = data.src;
  if(typeof data3 === "string"){
  if(func2(data3) > 2000){
  const err8 = {instancePath:instancePath+"/src",schemaPath:"#/$defs/MediaSource/maxLength",keyword:"maxLength",params:{limit: 2000},message:"must NOT have more than 2000 characters",schema:2000,parentSchema:schema62,data:data3};
  if(vErrors === null){
  vErrors = [err8];
  }
  else {
  vErrors.push(err8);
  }
  errors++;
  }
  if(func2(data3) < 1){
  const err9 = {instancePath:instancePath+"/src",schemaPath:"#/$defs/MediaSource/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema62,data:data3};
  if(vErrors === null){
  vErrors = [err9];
  }
  else {
  vErrors.push(err9);
  }
  errors++;
  }
  if(!pattern17.test(data3)){
  const err10 = {instancePath:instancePath+"/src",schemaPath:"#/$defs/MediaSource/pattern",keyword:"pattern",params:{pattern: "^(https://|/)"},message:"must match pattern \""+"^(https://|/)"+"\"",schema:"^(https://|/)",parentSchema:schema62,data:data3};
  if(vErrors === null){
  vErrors = [err10];
  }
  else {
  vErrors.push(err10);
  }
  errors++;
  }
  }
  else {
  const err11 = {instancePath:instancePath+"/src",schemaPath:"#/$defs/MediaSource/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema62.type,parentSchema:schema62,data:data3};
  if(vErrors === null){
  vErrors = [err11];
  }
  else {
  vErrors.push(err11);
  }
  errors++;
  }
  }
  if(data.alt !== undefined){
  if(!(validate22(data.alt, {instancePath:instancePath+"/alt",parentData:data,parentDataProperty:"alt",rootData,dynamicAnchors}))){
  vErrors = vErrors === null ? validate22.errors : vErrors.concat(validate22.errors);
  errors = vErrors.length;
  }
  }
  if(data.caption !== undefined){
  if(!(validate22(data.caption, {instancePath:instancePath+"/caption",parentData:data,parentDataProperty:"caption",rootData,dynamicAnchors}))){
  vErrors = vErrors === null ? validate22.errors : vErrors.concat(validate22.errors);
  errors = vErrors.length;
  }
  }
  if(data.credit !== undefined){
  let data6 = data.credit;
  if(typeof data6 === "string"){
  if(func2(data6) > 300){
  const err12 = {instancePath:instancePath+"/credit",schemaPath:"#/properties/credit/maxLength",keyword:"maxLength",params:{limit: 300},message:"must NOT have more than 300 characters",schema:300,parentSchema:schema60.properties.credit,data:data6};
  if(vErrors === null){
  vErrors = [err12];
  }
  else {
  vErrors.push(err12);
  }
  errors++;
  }
  }
  else {
  const err13 = {instancePath:instancePath+"/credit",schemaPath:"#/properties/credit/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema60.properties.credit.type,parentSchema:schema60.properties.credit,data:data6};
  if(vErrors === null){
  vErrors = [err13];
  }
  else {
  vErrors.push(err13);
  }
  errors++;
  }
  }
  }
  else {
  const err14 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema60.type,parentSchema:schema60,data};
  if(vErrors === null){
  vErrors = [err14];
  }
  else {
  vErrors.push(err14);
  }
  errors++;
  }
  validate56.errors = vErrors;
  return errors === 0;
  }
  validate56.evaluated = {"props":true,"dynamicProps":false,"dynamicItems":false};

  const schema63 = careloomRuntime.schemaFiles["module.schema.json"].$defs.FilmBlock;
  const schema67 = careloomRuntime.schemaFiles["module.schema.json"].$defs.CaptionTrack;

  function validate64(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
  let vErrors = null;
  let errors = 0;
  const evaluated0 = validate64.evaluated;
  if(evaluated0.dynamicProps){
  evaluated0.props = undefined;
  }
  if(evaluated0.dynamicItems){
  evaluated0.items = undefined;
  }
  if(data && typeof data == "object" && !Array.isArray(data)){
  if(data.language === undefined){
  const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "language"},message:"must have required property '"+"language"+"'",schema:schema67.required,parentSchema:schema67,data};
  if(vErrors === null){
  vErrors = [err0];
  }
  else {
  vErrors.push(err0);
  }
  errors++;
  }
  if(data.src === undefined){
  const err1 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "src"},message:"must have required property '"+"src"+"'",schema:schema67.required,parentSchema:schema67,data};
  if(vErrors === null){
  vErrors = [err1];
  }
  else {
  vErrors.push(err1);
  }
  errors++;
  }
  for(const key0 in data){
  if(!((key0 === "language") || (key0 === "src"))){
  const err2 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties",schema:false,parentSchema:schema67,data};
  if(vErrors === null){
  vErrors = [err2];
  }
  else {
  vErrors.push(err2);
  }
  errors++;
  }
  }
  if(data.language !== undefined){
  let data0 = data.language;
  if(typeof data0 === "string"){
  if(!pattern5.test(data0)){
  const err3 = {instancePath:instancePath+"/language",schemaPath:"common.schema.json#/$defs/LanguageTag/pattern",keyword:"pattern",params:{pattern: "^[a-z]{2,3}(-[A-Z]{2})?$"},message:"must match pattern \""+"^[a-z]{2,3}(-[A-Z]{2})?$"+"\"",schema:"^[a-z]{2,3}(-[A-Z]{2})?$",parentSchema:schema35,data:data0};
  if(vErrors === null){
  vErrors = [err3];
  }
  else {
  vErrors.push(err3);
  }
  errors++;
  }
  }
  else {
  const err4 = {instancePath:instancePath+"/language",schemaPath:"common.schema.json#/$defs/LanguageTag/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema35.type,parentSchema:schema35,data:data0};
  if(vErrors === null){
  vErrors = [err4];
  }
  else {
  vErrors.push(err4);
  }
  errors++;
  }
  }
  if(data.src !== undefined){
  let data1 = data.src;
  if(typeof data1 === "string"){
  if(func2(data1) > 2000){
  const err5 = {instancePath:instancePath+"/src",schemaPath:"#/$defs/MediaSource/maxLength",keyword:"maxLength",params:{limit: 2000},message:"must NOT have more than 2000 characters",schema:2000,parentSchema:schema62,data:data1};
  if(vErrors === null){
  vErrors = [err5];
  }
  else {
  vErrors.push(err5);
  }
  errors++;
  }
  if(func2(data1) < 1){
  const err6 = {instancePath:instancePath+"/src",schemaPath:"#/$defs/MediaSource/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema62,data:data1};
  if(vErrors === null){
  vErrors = [err6];
  }
  else {
  vErrors.push(err6);
  }
  errors++;
  }
  if(!pattern17.test(data1)){
  const err7 = {instancePath:instancePath+"/src",schemaPath:"#/$defs/MediaSource/pattern",keyword:"pattern",params:{pattern: "^(https://|/)"},message:"must match pattern \""+"^(https://|/)"+"\"",schema:"^(https://|/)",parentSchema:schema62,data:data1};
  if(vErrors === null){
  vErrors = [err7];
  }
  else {
  vErrors.push(err7);
  }
  errors++;
  }
  }
  else {
  const err8 = {instancePath:instancePath+"/src",schemaPath:"#/$defs/MediaSource/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema62.type,parentSchema:schema62,data:data1};
  if(vErrors === null){
  vErrors = [err8];
  }
  else {
  vErrors.push(err8);
  }
  errors++;
  }
  }
  }
  else {
  const err9 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema67.type,parentSchema:schema67,data};
  if(vErrors === null){
  vErrors = [err9];
  }
  else {
  vErrors.push(err9);
  }
  errors++;
  }
  validate64.errors = vErrors;
  return errors === 0;
  }
  validate64.evaluated = {"props":true,"dynamicProps":false,"dynamicItems":false};


  function validate60(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
  let vErrors = null;
  let errors = 0;
  const evaluated0 = validate60.evaluated;
  if(evaluated0.dynamicProps){
  evaluated0.props = undefined;
  }
  if(evaluated0.dynamicItems){
  evaluated0.items = undefined;
  }
  if(data && typeof data == "object" && !Array.isArray(data)){
  if(data.type === undefined){
  const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "type"},message:"must have required property '"+"type"+"'",schema:schema63.required,parentSchema:schema63,data};
  if(vErrors === null){
  vErrors = [err0];
  }
  else {
  vErrors.push(err0);
  }
  errors++;
  }
  if(data.id === undefined){
  const err1 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "id"},message:"must have required property '"+"id"+"'",schema:schema63.required,parentSchema:schema63,data};
  if(vErrors === null){
  vErrors = [err1];
  }
  else {
  vErrors.push(err1);
  }
  errors++;
  }
  if(data.src === undefined){
  const err2 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "src"},message:"must have required property '"+"src"+"'",schema:schema63.required,parentSchema:schema63,data};
  if(vErrors === null){
  vErrors = [err2];
  }
  else {
  vErrors.push(err2);
  }
  errors++;
  }
  if(data.alt === undefined){
  const err3 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "alt"},message:"must have required property '"+"alt"+"'",schema:schema63.required,parentSchema:schema63,data};
  if(vErrors === null){
  vErrors = [err3];
  }
  else {
  vErrors.push(err3);
  }
  errors++;
  }
  if(data.transcript === undefined){
  const err4 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "transcript"},message:"must have required property '"+"transcript"+"'",schema:schema63.required,parentSchema:schema63,data};
  if(vErrors === null){
  vErrors = [err4];
  }
  else {
  vErrors.push(err4);
  }
  errors++;
  }
  for(const key0 in data){
  if(!(func1.call(schema63.properties, key0))){
  const err5 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties",schema:false,parentSchema:schema63,data};
  if(vErrors === null){
  vErrors = [err5];
  }
  else {
  vErrors.push(err5);
  }
  errors++;
  }
  }
  if(data.type !== undefined){
  let data0 = data.type;
  if("film" !== data0){
  const err6 = {instancePath:instancePath+"/type",schemaPath:"#/properties/type/const",keyword:"const",params:{allowedValue: "film"},message:"must be equal to constant",schema:"film",parentSchema:schema63.properties.type,data:data0};
  if(vErrors === null){
  vErrors = [err6];
  }
  else {
  vErrors.push(err6);
  }
  errors++;
  }
  }
  if(data.id !== undefined){
  let data1 = data.id;
  if(typeof data1 === "string"){
  if(!pattern8.test(data1)){
  const err7 = {instancePath:instancePath+"/id",schemaPath:"common.schema.json#/$defs/Id/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z][A-Za-z0-9_.-]{0,63}$"},message:"must match pattern \""+"^[A-Za-z][A-Za-z0-9_.-]{0,63}$"+"\"",schema:"^[A-Za-z][A-Za-z0-9_.-]{0,63}$",parentSchema:schema39,data:data1};
  if(vErrors === null){
  vErrors = [err7];
  }
  else {
  vErrors.push(err7);
  }
  errors++;
  }
  }
  else {
  const err8 = {instancePath:instancePath+"/id",schemaPath:"common.schema.json#/$defs/Id/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema39.type,parentSchema:schema39,data:data1};
  if(vErrors === null){
  vErrors = [err8];
  }
  else {
  vErrors.push(err8);
  }
  errors++;
  }
  }
  if(data.visibleWhen !== undefined){
  if(!(validate28(data.visibleWhen, {instancePath:instancePath+"/visibleWhen",parentData:data,parentDataProperty:"visibleWhen",rootData,dynamicAnchors}))){
  vErrors = vErrors === null ? validate28.errors : vErrors.concat(validate28.errors);
  errors = vErrors.length;
  }
  }
  if(data.src !== undefined){
  let data3 = data.src;
  if(typeof data3 === "string"){
  if(func2(data3) > 2000){
  const err9 = {instancePath:instancePath+"/src",schemaPath:"#/$defs/MediaSource/maxLength",keyword:"maxLength",params:{limit: 2000},message:"must NOT have more than 2000 characters",schema:2000,parentSchema:schema62,data:data3};
  if(vErrors === null){
  vErrors = [err9];
  }
  else {
  vErrors.push(err9);
  }
  errors++;
  }
  if(func2(data3) < 1){
  const err10 = {instancePath:instancePath+"/src",schemaPath:"#/$defs/MediaSource/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema62,data:data3};
  if(vErrors === null){
  vErrors = [err10];
  }
  else {
  vErrors.push(err10);
  }
  errors++;
  }
  if(!pattern17.test(data3)){
  const err11 = {instancePath:instancePath+"/src",schemaPath:"#/$defs/MediaSource/pattern",keyword:"pattern",params:{pattern: "^(https://|/)"},message:"must match pattern \""+"^(https://|/)"+"\"",schema:"^(https://|/)",parentSchema:schema62,data:data3};
  if(vErrors === null){
  vErrors = [err11];
  }
  else {
  vErrors.push(err11);
  }
  errors++;
  }
  }
  else {
  const err12 = {instancePath:instancePath+"/src",schemaPath:"#/$defs/MediaSource/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema62.type,parentSchema:schema62,data:data3};
  if(vErrors === null){
  vErrors = [err12];
  }
  else {
  vErrors.push(err12);
  }
  errors++;
  }
  }
  if(data.poster !== undefined){
  let data4 = data.poster;
  if(typeof data4 === "string"){
  if(func2(data4) > 2000){
  const err13 = {instancePath:instancePath+"/poster",schemaPath:"#/$defs/MediaSource/maxLength",keyword:"maxLength",params:{limit: 2000},message:"must NOT have more than 2000 characters",schema:2000,parentSchema:schema62,data:data4};
  if(vErrors === null){
  vErrors = [err13];
  }
  else {
  vErrors.push(err13);
  }
  errors++;
  }
  if(func2(data4) < 1){
  const err14 = {instancePath:instancePath+"/poster",schemaPath:"#/$defs/MediaSource/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema62,data:data4};
  if(vErrors === null){
  vErrors = [err14];
  }
  else {
  vErrors.push(err14);
  }
  errors++;
  }
  if(!pattern17.test(data4)){
  const err15 = {instancePath:instancePath+"/poster",schemaPath:"#/$defs/MediaSource/pattern",keyword:"pattern",params:{pattern: "^(https://|/)"},message:"must match pattern \""+"^(https://|/)"+"\"",schema:"^(https://|/)",parentSchema:schema62,data:data4};
  if(vErrors === null){
  vErrors = [err15];
  }
  else {
  vErrors.push(err15);
  }
  errors++;
  }
  }
  else {
  const err16 = {instancePath:instancePath+"/poster",schemaPath:"#/$defs/MediaSource/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema62.type,parentSchema:schema62,data:data4};
  if(vErrors === null){
  vErrors = [err16];
  }
  else {
  vErrors.push(err16);
  }
  errors++;
  }
  }
  if(data.durationSeconds !== undefined){
  let data5 = data.durationSeconds;
  if(!(((typeof data5 == "number") && (!(data5 % 1) && !isNaN(data5))) && (isFinite(data5)))){
  const err17 = {instancePath:instancePath+"/durationSeconds",schemaPath:"#/properties/durationSeconds/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema63.properties.durationSeconds.type,parentSchema:schema63.properties.durationSeconds,data:data5};
  if(vErrors === null){
  vErrors = [err17];
  }
  else {
  vErrors.push(err17);
  }
  errors++;
  }
  if((typeof data5 == "number") && (isFinite(data5))){
  if(data5 < 1 || isNaN(data5)){
  const err18 = {instancePath:instancePath+"/durationSeconds",schemaPath:"#/properties/durationSeconds/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1",schema:1,parentSchema:schema63.properties.durationSeconds,data:data5};
  if(vErrors === null){
  vErrors = [err18];
  }
  else {
  vErrors.push(err18);
  }
  errors++;
  }
  }
  }
  if(data.alt !== undefined){
  if(!(validate22(data.alt, {instancePath:instancePath+"/alt",parentData:data,parentDataProperty:"alt",rootData,dynamicAnchors}))){
  vErrors = vErrors === null ? validate22.errors : vErrors.concat(validate22.errors);
  errors = vErrors.length;
  }
  }
  if(data.caption !== undefined){
  if(!(validate22(data.caption, {instancePath:instancePath+"/caption",parentData:data,parentDataProperty:"caption",rootData,dynamicAnchors}))){
  vErrors = vErrors === null ? validate22.errors : vErrors.concat(validate22.errors);
  errors = vErrors.length;
  }
  }
  if(data.captions !== undefined){
  let data8 = data.captions;
  if(Array.isArray(data8)){
  const len0 = data8.length;
  for(let i0=0; i0<len0; i0++){
  if(!(validate64(data8[i0], {instancePath:instancePath+"/captions/" + i0,parentData:data8,parentDataProperty:i0,rootData,dynamicAnchors}))){
  vErrors = vErrors === null ? validate64.errors : vErrors.concat(validate64.errors);
  errors = vErrors.length;
  }
  }
  }
  else {
  const err19 = {instancePath:instancePath+"/captions",schemaPath:"#/properties/captions/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema63.properties.captions.type,parentSchema:schema63.properties.captions,data:data8};
  if(vErrors === null){
  vErrors = [err19];
  }
  else {
  vErrors.push(err19);
  }
  errors++;
  }
  }
  if(data.transcript !== undefined){
  if(!(validate50(data.transcript, {instancePath:instancePath+"/transcript",parentData:data,parentDataProperty:"transcript",rootData,dynamicAnchors}))){
  vErrors = vErrors === null ? validate50.errors : vErrors.concat(validate50.errors);
  errors = vErrors.length;
  }
  }
  }
  else {
  const err20 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema63.type,parentSchema:schema63,data};
  if(vErrors === null){
  vErrors = [err20];
  }
  else {
  vErrors.push(err20);
  }
  errors++;
  }
  validate60.errors = vErrors;
  return errors === 0;
  }
  validate60.evaluated = {"props":true,"dynamicProps":false,"dynamicItems":false};

  const schema70 = careloomRuntime.schemaFiles["module.schema.json"].$defs.AudioBlock;

  function validate67(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
  let vErrors = null;
  let errors = 0;
  const evaluated0 = validate67.evaluated;
  if(evaluated0.dynamicProps){
  evaluated0.props = undefined;
  }
  if(evaluated0.dynamicItems){
  evaluated0.items = undefined;
  }
  if(data && typeof data == "object" && !Array.isArray(data)){
  if(data.type === undefined){
  const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "type"},message:"must have required property '"+"type"+"'",schema:schema70.required,parentSchema:schema70,data};
  if(vErrors === null){
  vErrors = [err0];
  }
  else {
  vErrors.push(err0);
  }
  errors++;
  }
  if(data.id === undefined){
  const err1 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "id"},message:"must have required property '"+"id"+"'",schema:schema70.required,parentSchema:schema70,data};
  if(vErrors === null){
  vErrors = [err1];
  }
  else {
  vErrors.push(err1);
  }
  errors++;
  }
  if(data.src === undefined){
  const err2 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "src"},message:"must have required property '"+"src"+"'",schema:schema70.required,parentSchema:schema70,data};
  if(vErrors === null){
  vErrors = [err2];
  }
  else {
  vErrors.push(err2);
  }
  errors++;
  }
  if(data.alt === undefined){
  const err3 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "alt"},message:"must have required property '"+"alt"+"'",schema:schema70.required,parentSchema:schema70,data};
  if(vErrors === null){
  vErrors = [err3];
  }
  else {
  vErrors.push(err3);
  }
  errors++;
  }
  if(data.transcript === undefined){
  const err4 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "transcript"},message:"must have required property '"+"transcript"+"'",schema:schema70.required,parentSchema:schema70,data};
  if(vErrors === null){
  vErrors = [err4];
  }
  else {
  vErrors.push(err4);
  }
  errors++;
  }
  for(const key0 in data){
  if(!(func1.call(schema70.properties, key0))){
  const err5 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties",schema:false,parentSchema:schema70,data};
  if(vErrors === null){
  vErrors = [err5];
  }
  else {
  vErrors.push(err5);
  }
  errors++;
  }
  }
  if(data.type !== undefined){
  let data0 = data.type;
  if("audio" !== data0){
  const err6 = {instancePath:instancePath+"/type",schemaPath:"#/properties/type/const",keyword:"const",params:{allowedValue: "audio"},message:"must be equal to constant",schema:"audio",parentSchema:schema70.properties.type,data:data0};
  if(vErrors === null){
  vErrors = [err6];
  }
  else {
  vErrors.push(err6);
  }
  errors++;
  }
  }
  if(data.id !== undefined){
  let data1 = data.id;
  if(typeof data1 === "string"){
  if(!pattern8.test(data1)){
  const err7 = {instancePath:instancePath+"/id",schemaPath:"common.schema.json#/$defs/Id/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z][A-Za-z0-9_.-]{0,63}$"},message:"must match pattern \""+"^[A-Za-z][A-Za-z0-9_.-]{0,63}$"+"\"",schema:"^[A-Za-z][A-Za-z0-9_.-]{0,63}$",parentSchema:schema39,data:data1};
  if(vErrors === null){
  vErrors = [err7];
  }
  else {
  vErrors.push(err7);
  }
  errors++;
  }
  }
  else {
  const err8 = {instancePath:instancePath+"/id",schemaPath:"common.schema.json#/$defs/Id/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema39.type,parentSchema:schema39,data:data1};
  if(vErrors === null){
  vErrors = [err8];
  }
  else {
  vErrors.push(err8);
  }
  errors++;
  }
  }
  if(data.visibleWhen !== undefined){
  if(!(validate28(data.visibleWhen, {instancePath:instancePath+"/visibleWhen",parentData:data,parentDataProperty:"visibleWhen",rootData,dynamicAnchors}))){
  vErrors = vErrors === null ? validate28.errors : vErrors.concat(validate28.errors);
  errors = vErrors.length;
  }
  }
  if(data.src !== undefined){
  let data3 = data.src;
  if(typeof data3 === "string"){
  if(func2(data3) > 2000){
  const err9 = {instancePath:instancePath+"/src",schemaPath:"#/$defs/MediaSource/maxLength",keyword:"maxLength",params:{limit: 2000},message:"must NOT have more than 2000 characters",schema:2000,parentSchema:schema62,data:data3};
  if(vErrors === null){
  vErrors = [err9];
  }
  else {
  vErrors.push(err9);
  }
  errors++;
  }
  if(func2(data3) < 1){
  const err10 = {instancePath:instancePath+"/src",schemaPath:"#/$defs/MediaSource/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema62,data:data3};
  if(vErrors === null){
  vErrors = [err10];
  }
  else {
  vErrors.push(err10);
  }
  errors++;
  }
  if(!pattern17.test(data3)){
  const err11 = {instancePath:instancePath+"/src",schemaPath:"#/$defs/MediaSource/pattern",keyword:"pattern",params:{pattern: "^(https://|/)"},message:"must match pattern \""+"^(https://|/)"+"\"",schema:"^(https://|/)",parentSchema:schema62,data:data3};
  if(vErrors === null){
  vErrors = [err11];
  }
  else {
  vErrors.push(err11);
  }
  errors++;
  }
  }
  else {
  const err12 = {instancePath:instancePath+"/src",schemaPath:"#/$defs/MediaSource/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema62.type,parentSchema:schema62,data:data3};
  if(vErrors === null){
  vErrors = [err12];
  }
  else {
  vErrors.push(err12);
  }
  errors++;
  }
  }
  if(data.durationSeconds !== undefined){
  let data4 = data.durationSeconds;
  if(!(((typeof data4 == "number") && (!(data4 % 1) && !isNaN(data4))) && (isFinite(data4)))){
  const err13 = {instancePath:instancePath+"/durationSeconds",schemaPath:"#/properties/durationSeconds/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema70.properties.durationSeconds.type,parentSchema:schema70.properties.durationSeconds,data:data4};
  if(vErrors === null){
  vErrors = [err13];
  }
  else {
  vErrors.push(err13);
  }
  errors++;
  }
  if((typeof data4 == "number") && (isFinite(data4))){
  if(data4 < 1 || isNaN(data4)){
  const err14 = {instancePath:instancePath+"/durationSeconds",schemaPath:"#/properties/durationSeconds/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1",schema:1,parentSchema:schema70.properties.durationSeconds,data:data4};
  if(vErrors === null){
  vErrors = [err14];
  }
  else {
  vErrors.push(err14);
  }
  errors++;
  }
  }
  }
  if(data.alt !== undefined){
  if(!(validate22(data.alt, {instancePath:instancePath+"/alt",parentData:data,parentDataProperty:"alt",rootData,dynamicAnchors}))){
  vErrors = vErrors === null ? validate22.errors : vErrors.concat(validate22.errors);
  errors = vErrors.length;
  }
  }
  if(data.caption !== undefined){
  if(!(validate22(data.caption, {instancePath:instancePath+"/caption",parentData:data,parentDataProperty:"caption",rootData,dynamicAnchors}))){
  vErrors = vErrors === null ? validate22.errors : vErrors.concat(validate22.errors);
  errors = vErrors.length;
  }
  }
  if(data.captions !== undefined){
  let data7 = data.captions;
  if(Array.isArray(data7)){
  const len0 = data7.length;
  for(let i0=0; i0<len0; i0++){
  if(!(validate64(data7[i0], {instancePath:instancePath+"/captions/" + i0,parentData:data7,parentDataProperty:i0,rootData,dynamicAnchors}))){
  vErrors = vErrors === null ? validate64.errors : vErrors.concat(validate64.errors);
  errors = vErrors.length;
  }
  }
  }
  else {
  const err15 = {instancePath:instancePath+"/captions",schemaPath:"#/properties/captions/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema70.properties.captions.type,parentSchema:schema70.properties.captions,data:data7};
  if(vErrors === null){
  vErrors = [err15];
  }
  else {
  vErrors.push(err15);
  }
  errors++;
  }
  }
  if(data.transcript !== undefined){
  if(!(validate50(data.transcript, {instancePath:instancePath+"/transcript",parentData:data,parentDataProperty:"transcript",rootData,dynamicAnchors}))){
  vErrors = vErrors === null ? validate50.errors : vErrors.concat(validate50.errors);
  errors = vErrors.length;
  }
  }
  }
  else {
  const err16 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema70.type,parentSchema:schema70,data};
  if(vErrors === null){
  vErrors = [err16];
  }
  else {
  vErrors.push(err16);
  }
  errors++;
  }
  validate67.errors = vErrors;
  return errors === 0;
  }
  validate67.evaluated = {"props":true,"dynamicProps":false,"dynamicItems":false};

  const schema73 = careloomRuntime.schemaFiles["module.schema.json"].$defs.QuestionBlock;
  const schema75 = careloomRuntime.schemaFiles["module.schema.json"].$defs.Input;
  const schema86 = careloomRuntime.schemaFiles["module.schema.json"].$defs.TextInput;
  const schema87 = careloomRuntime.schemaFiles["module.schema.json"].$defs.DateTimeInput;
  const schema76 = careloomRuntime.schemaFiles["module.schema.json"].$defs.SingleChoiceInput;
  const schema77 = careloomRuntime.schemaFiles["module.schema.json"].$defs.Option;

  function validate79(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
  let vErrors = null;
  let errors = 0;
  const evaluated0 = validate79.evaluated;
  if(evaluated0.dynamicProps){
  evaluated0.props = undefined;
  }
  if(evaluated0.dynamicItems){
  evaluated0.items = undefined;
  }
  if(data && typeof data == "object" && !Array.isArray(data)){
  if(data.id === undefined){
  const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "id"},message:"must have required property '"+"id"+"'",schema:schema77.required,parentSchema:schema77,data};
  if(vErrors === null){
  vErrors = [err0];
  }
  else {
  vErrors.push(err0);
  }
  errors++;
  }
  if(data.label === undefined){
  const err1 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "label"},message:"must have required property '"+"label"+"'",schema:schema77.required,parentSchema:schema77,data};
  if(vErrors === null){
  vErrors = [err1];
  }
  else {
  vErrors.push(err1);
  }
  errors++;
  }
  for(const key0 in data){
  if(!(((key0 === "id") || (key0 === "label")) || (key0 === "value"))){
  const err2 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties",schema:false,parentSchema:schema77,data};
  if(vErrors === null){
  vErrors = [err2];
  }
  else {
  vErrors.push(err2);
  }
  errors++;
  }
  }
  if(data.id !== undefined){
  let data0 = data.id;
  if(typeof data0 === "string"){
  if(!pattern8.test(data0)){
  const err3 = {instancePath:instancePath+"/id",schemaPath:"common.schema.json#/$defs/Id/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z][A-Za-z0-9_.-]{0,63}$"},message:"must match pattern \""+"^[A-Za-z][A-Za-z0-9_.-]{0,63}$"+"\"",schema:"^[A-Za-z][A-Za-z0-9_.-]{0,63}$",parentSchema:schema39,data:data0};
  if(vErrors === null){
  vErrors = [err3];
  }
  else {
  vErrors.push(err3);
  }
  errors++;
  }
  }
  else {
  const err4 = {instancePath:instancePath+"/id",schemaPath:"common.schema.json#/$defs/Id/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema39.type,parentSchema:schema39,data:data0};
  if(vErrors === null){
  vErrors = [err4];
  }
  else {
  vErrors.push(err4);
  }
  errors++;
  }
  }
  if(data.label !== undefined){
  if(!(validate22(data.label, {instancePath:instancePath+"/label",parentData:data,parentDataProperty:"label",rootData,dynamicAnchors}))){
  vErrors = vErrors === null ? validate22.errors : vErrors.concat(validate22.errors);
  errors = vErrors.length;
  }
  }
  if(data.value !== undefined){
  let data2 = data.value;
  if(!((typeof data2 == "number") && (isFinite(data2)))){
  const err5 = {instancePath:instancePath+"/value",schemaPath:"#/properties/value/type",keyword:"type",params:{type: "number"},message:"must be number",schema:schema77.properties.value.type,parentSchema:schema77.properties.value,data:data2};
  if(vErrors === null){
  vErrors = [err5];
  }
  else {
  vErrors.push(err5);
  }
  errors++;
  }
  }
  }
  else {
  const err6 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema77.type,parentSchema:schema77,data};
  if(vErrors === null){
  vErrors = [err6];
  }
  else {
  vErrors.push(err6);
  }
  errors++;
  }
  validate79.errors = vErrors;
  return errors === 0;
  }
  validate79.evaluated = {"props":true,"dynamicProps":false,"dynamicItems":false};


  function validate78(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
  let vErrors = null;
  let errors = 0;
  const evaluated0 = validate78.evaluated;
  if(evaluated0.dynamicProps){
  evaluated0.props = undefined;
  }
  if(evaluated0.dynamicItems){
  evaluated0.items = undefined;
  }
  if(data && typeof data == "object" && !Array.isArray(data)){
  if(data.kind === undefined){
  const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "kind"},message:"must have required property '"+"kind"+"'",schema:schema76.required,parentSchema:schema76,data};
  if(vErrors === null){
  vErrors = [err0];
  }
  else {
  vErrors.push(err0);
  }
  errors++;
  }
  if(data.options === undefined){
  const err1 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "options"},message:"must have required property '"+"options"+"'",schema:schema76.required,parentSchema:schema76,data};
  if(vErrors === null){
  vErrors = [err1];
  }
  else {
  vErrors.push(err1);
  }
  errors++;
  }
  for(const key0 in data){
  if(!(((key0 === "kind") || (key0 === "options")) || (key0 === "display"))){
  const err2 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties",schema:false,parentSchema:schema76,data};
  if(vErrors === null){
  vErrors = [err2];
  }
  else {
  vErrors.push(err2);
  }
  errors++;
  }
  }
  if(data.kind !== undefined){
  let data0 = data.kind;
  if("singleChoice" !== data0){
  const err3 = {instancePath:instancePath+"/kind",schemaPath:"#/properties/kind/const",keyword:"const",params:{allowedValue: "singleChoice"},message:"must be equal to constant",schema:"singleChoice",parentSchema:schema76.properties.kind,data:data0};
  if(vErrors === null){
  vErrors = [err3];
  }
  else {
  vErrors.push(err3);
  }
  errors++;
  }
  }
  if(data.options !== undefined){
  let data1 = data.options;
  if(Array.isArray(data1)){
  if(data1.length < 2){
  const err4 = {instancePath:instancePath+"/options",schemaPath:"#/properties/options/minItems",keyword:"minItems",params:{limit: 2},message:"must NOT have fewer than 2 items",schema:2,parentSchema:schema76.properties.options,data:data1};
  if(vErrors === null){
  vErrors = [err4];
  }
  else {
  vErrors.push(err4);
  }
  errors++;
  }
  const len0 = data1.length;
  for(let i0=0; i0<len0; i0++){
  if(!(validate79(data1[i0], {instancePath:instancePath+"/options/" + i0,parentData:data1,parentDataProperty:i0,rootData,dynamicAnchors}))){
  vErrors = vErrors === null ? validate79.errors : vErrors.concat(validate79.errors);
  errors = vErrors.length;
  }
  }
  }
  else {
  const err5 = {instancePath:instancePath+"/options",schemaPath:"#/properties/options/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema76.properties.options.type,parentSchema:schema76.properties.options,data:data1};
  if(vErrors === null){
  vErrors = [err5];
  }
  else {
  vErrors.push(err5);
  }
  errors++;
  }
  }
  if(data.display !== undefined){
  let data3 = data.display;
  if(!((data3 === "radio") || (data3 === "dropdown"))){
  const err6 = {instancePath:instancePath+"/display",schemaPath:"#/properties/display/enum",keyword:"enum",params:{allowedValues: schema76.properties.display.enum},message:"must be equal to one of the allowed values",schema:schema76.properties.display.enum,parentSchema:schema76.properties.display,data:data3};
  if(vErrors === null){
  vErrors = [err6];
  }
  else {
  vErrors.push(err6);
  }
  errors++;
  }
  }
  }
  else {
  const err7 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema76.type,parentSchema:schema76,data};
  if(vErrors === null){
  vErrors = [err7];
  }
  else {
  vErrors.push(err7);
  }
  errors++;
  }
  validate78.errors = vErrors;
  return errors === 0;
  }
  validate78.evaluated = {"props":true,"dynamicProps":false,"dynamicItems":false};

  const schema79 = careloomRuntime.schemaFiles["module.schema.json"].$defs.MultipleChoiceInput;

  function validate82(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
  let vErrors = null;
  let errors = 0;
  const evaluated0 = validate82.evaluated;
  if(evaluated0.dynamicProps){
  evaluated0.props = undefined;
  }
  if(evaluated0.dynamicItems){
  evaluated0.items = undefined;
  }
  if(data && typeof data == "object" && !Array.isArray(data)){
  if(data.kind === undefined){
  const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "kind"},message:"must have required property '"+"kind"+"'",schema:schema79.required,parentSchema:schema79,data};
  if(vErrors === null){
  vErrors = [err0];
  }
  else {
  vErrors.push(err0);
  }
  errors++;
  }
  if(data.options === undefined){
  const err1 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "options"},message:"must have required property '"+"options"+"'",schema:schema79.required,parentSchema:schema79,data};
  if(vErrors === null){
  vErrors = [err1];
  }
  else {
  vErrors.push(err1);
  }
  errors++;
  }
  for(const key0 in data){
  if(!((((key0 === "kind") || (key0 === "options")) || (key0 === "minSelected")) || (key0 === "maxSelected"))){
  const err2 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties",schema:false,parentSchema:schema79,data};
  if(vErrors === null){
  vErrors = [err2];
  }
  else {
  vErrors.push(err2);
  }
  errors++;
  }
  }
  if(data.kind !== undefined){
  let data0 = data.kind;
  if("multipleChoice" !== data0){
  const err3 = {instancePath:instancePath+"/kind",schemaPath:"#/properties/kind/const",keyword:"const",params:{allowedValue: "multipleChoice"},message:"must be equal to constant",schema:"multipleChoice",parentSchema:schema79.properties.kind,data:data0};
  if(vErrors === null){
  vErrors = [err3];
  }
  else {
  vErrors.push(err3);
  }
  errors++;
  }
  }
  if(data.options !== undefined){
  let data1 = data.options;
  if(Array.isArray(data1)){
  if(data1.length < 1){
  const err4 = {instancePath:instancePath+"/options",schemaPath:"#/properties/options/minItems",keyword:"minItems",params:{limit: 1},message:"must NOT have fewer than 1 items",schema:1,parentSchema:schema79.properties.options,data:data1};
  if(vErrors === null){
  vErrors = [err4];
  }
  else {
  vErrors.push(err4);
  }
  errors++;
  }
  const len0 = data1.length;
  for(let i0=0; i0<len0; i0++){
  if(!(validate79(data1[i0], {instancePath:instancePath+"/options/" + i0,parentData:data1,parentDataProperty:i0,rootData,dynamicAnchors}))){
  vErrors = vErrors === null ? validate79.errors : vErrors.concat(validate79.errors);
  errors = vErrors.length;
  }
  }
  }
  else {
  const err5 = {instancePath:instancePath+"/options",schemaPath:"#/properties/options/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema79.properties.options.type,parentSchema:schema79.properties.options,data:data1};
  if(vErrors === null){
  vErrors = [err5];
  }
  else {
  vErrors.push(err5);
  }
  errors++;
  }
  }
  if(data.minSelected !== undefined){
  let data3 = data.minSelected;
  if(!(((typeof data3 == "number") && (!(data3 % 1) && !isNaN(data3))) && (isFinite(data3)))){
  const err6 = {instancePath:instancePath+"/minSelected",schemaPath:"#/properties/minSelected/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema79.properties.minSelected.type,parentSchema:schema79.properties.minSelected,data:data3};
  if(vErrors === null){
  vErrors = [err6];
  }
  else {
  vErrors.push(err6);
  }
  errors++;
  }
  if((typeof data3 == "number") && (isFinite(data3))){
  if(data3 < 0 || isNaN(data3)){
  const err7 = {instancePath:instancePath+"/minSelected",schemaPath:"#/properties/minSelected/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema79.properties.minSelected,data:data3};
  if(vErrors === null){
  vErrors = [err7];
  }
  else {
  vErrors.push(err7);
  }
  errors++;
  }
  }
  }
  if(data.maxSelected !== undefined){
  let data4 = data.maxSelected;
  if(!(((typeof data4 == "number") && (!(data4 % 1) && !isNaN(data4))) && (isFinite(data4)))){
  const err8 = {instancePath:instancePath+"/maxSelected",schemaPath:"#/properties/maxSelected/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema79.properties.maxSelected.type,parentSchema:schema79.properties.maxSelected,data:data4};
  if(vErrors === null){
  vErrors = [err8];
  }
  else {
  vErrors.push(err8);
  }
  errors++;
  }
  if((typeof data4 == "number") && (isFinite(data4))){
  if(data4 < 1 || isNaN(data4)){
  const err9 = {instancePath:instancePath+"/maxSelected",schemaPath:"#/properties/maxSelected/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1",schema:1,parentSchema:schema79.properties.maxSelected,data:data4};
  if(vErrors === null){
  vErrors = [err9];
  }
  else {
  vErrors.push(err9);
  }
  errors++;
  }
  }
  }
  }
  else {
  const err10 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema79.type,parentSchema:schema79,data};
  if(vErrors === null){
  vErrors = [err10];
  }
  else {
  vErrors.push(err10);
  }
  errors++;
  }
  validate82.errors = vErrors;
  return errors === 0;
  }
  validate82.evaluated = {"props":true,"dynamicProps":false,"dynamicItems":false};

  const schema80 = careloomRuntime.schemaFiles["module.schema.json"].$defs.ScaleInput;

  function validate84(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
  let vErrors = null;
  let errors = 0;
  const evaluated0 = validate84.evaluated;
  if(evaluated0.dynamicProps){
  evaluated0.props = undefined;
  }
  if(evaluated0.dynamicItems){
  evaluated0.items = undefined;
  }
  if(data && typeof data == "object" && !Array.isArray(data)){
  if(data.kind === undefined){
  const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "kind"},message:"must have required property '"+"kind"+"'",schema:schema80.required,parentSchema:schema80,data};
  if(vErrors === null){
  vErrors = [err0];
  }
  else {
  vErrors.push(err0);
  }
  errors++;
  }
  if(data.options === undefined){
  const err1 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "options"},message:"must have required property '"+"options"+"'",schema:schema80.required,parentSchema:schema80,data};
  if(vErrors === null){
  vErrors = [err1];
  }
  else {
  vErrors.push(err1);
  }
  errors++;
  }
  for(const key0 in data){
  if(!((key0 === "kind") || (key0 === "options"))){
  const err2 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties",schema:false,parentSchema:schema80,data};
  if(vErrors === null){
  vErrors = [err2];
  }
  else {
  vErrors.push(err2);
  }
  errors++;
  }
  }
  if(data.kind !== undefined){
  let data0 = data.kind;
  if("scale" !== data0){
  const err3 = {instancePath:instancePath+"/kind",schemaPath:"#/properties/kind/const",keyword:"const",params:{allowedValue: "scale"},message:"must be equal to constant",schema:"scale",parentSchema:schema80.properties.kind,data:data0};
  if(vErrors === null){
  vErrors = [err3];
  }
  else {
  vErrors.push(err3);
  }
  errors++;
  }
  }
  if(data.options !== undefined){
  let data1 = data.options;
  if(Array.isArray(data1)){
  if(data1.length < 2){
  const err4 = {instancePath:instancePath+"/options",schemaPath:"#/properties/options/minItems",keyword:"minItems",params:{limit: 2},message:"must NOT have fewer than 2 items",schema:2,parentSchema:schema80.properties.options,data:data1};
  if(vErrors === null){
  vErrors = [err4];
  }
  else {
  vErrors.push(err4);
  }
  errors++;
  }
  const len0 = data1.length;
  for(let i0=0; i0<len0; i0++){
  let data2 = data1[i0];
  if(data2 && typeof data2 == "object" && !Array.isArray(data2)){
  if(data2.id === undefined){
  const err5 = {instancePath:instancePath+"/options/" + i0,schemaPath:"#/properties/options/items/required",keyword:"required",params:{missingProperty: "id"},message:"must have required property '"+"id"+"'",schema:schema80.properties.options.items.required,parentSchema:schema80.properties.options.items,data:data2};
  if(vErrors === null){
  vErrors = [err5];
  }
  else {
  vErrors.push(err5);
  }
  errors++;
  }
  if(data2.label === undefined){
  const err6 = {instancePath:instancePath+"/options/" + i0,schemaPath:"#/properties/options/items/required",keyword:"required",params:{missingProperty: "label"},message:"must have required property '"+"label"+"'",schema:schema80.properties.options.items.required,parentSchema:schema80.properties.options.items,data:data2};
  if(vErrors === null){
  vErrors = [err6];
  }
  else {
  vErrors.push(err6);
  }
  errors++;
  }
  if(data2.value === undefined){
  const err7 = {instancePath:instancePath+"/options/" + i0,schemaPath:"#/properties/options/items/required",keyword:"required",params:{missingProperty: "value"},message:"must have required property '"+"value"+"'",schema:schema80.properties.options.items.required,parentSchema:schema80.properties.options.items,data:data2};
  if(vErrors === null){
  vErrors = [err7];
  }
  else {
  vErrors.push(err7);
  }
  errors++;
  }
  for(const key1 in data2){
  if(!(((key1 === "id") || (key1 === "label")) || (key1 === "value"))){
  const err8 = {instancePath:instancePath+"/options/" + i0,schemaPath:"#/properties/options/items/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key1},message:"must NOT have additional properties",schema:false,parentSchema:schema80.properties.options.items,data:data2};
  if(vErrors === null){
  vErrors = [err8];
  }
  else {
  vErrors.push(err8);
  }
  errors++;
  }
  }
  if(data2.id !== undefined){
  let data3 = data2.id;
  if(typeof data3 === "string"){
  if(!pattern8.test(data3)){
  const err9 = {instancePath:instancePath+"/options/" + i0+"/id",schemaPath:"common.schema.json#/$defs/Id/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z][A-Za-z0-9_.-]{0,63}$"},message:"must match pattern \""+"^[A-Za-z][A-Za-z0-9_.-]{0,63}$"+"\"",schema:"^[A-Za-z][A-Za-z0-9_.-]{0,63}$",parentSchema:schema39,data:data3};
  if(vErrors === null){
  vErrors = [err9];
  }
  else {
  vErrors.push(err9);
  }
  errors++;
  }
  }
  else {
  const err10 = {instancePath:instancePath+"/options/" + i0+"/id",schemaPath:"common.schema.json#/$defs/Id/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema39.type,parentSchema:schema39,data:data3};
  if(vErrors === null){
  vErrors = [err10];
  }
  else {
  vErrors.push(err10);
  }
  errors++;
  }
  }
  if(data2.label !== undefined){
  if(!(validate22(data2.label, {instancePath:instancePath+"/options/" + i0+"/label",parentData:data2,parentDataProperty:"label",rootData,dynamicAnchors}))){
  vErrors = vErrors === null ? validate22.errors : vErrors.concat(validate22.errors);
  errors = vErrors.length;
  }
  }
  if(data2.value !== undefined){
  let data5 = data2.value;
  if(!((typeof data5 == "number") && (isFinite(data5)))){
  const err11 = {instancePath:instancePath+"/options/" + i0+"/value",schemaPath:"#/properties/options/items/properties/value/type",keyword:"type",params:{type: "number"},message:"must be number",schema:schema80.properties.options.items.properties.value.type,parentSchema:schema80.properties.options.items.properties.value,data:data5};
  if(vErrors === null){
  vErrors = [err11];
  }
  else {
  vErrors.push(err11);
  }
  errors++;
  }
  }
  }
  else {
  const err12 = {instancePath:instancePath+"/options/" + i0,schemaPath:"#/properties/options/items/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema80.properties.options.items.type,parentSchema:schema80.properties.options.items,data:data2};
  if(vErrors === null){
  vErrors = [err12];
  }
  else {
  vErrors.push(err12);
  }
  errors++;
  }
  }
  }
  else {
  const err13 = {instancePath:instancePath+"/options",schemaPath:"#/properties/options/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema80.properties.options.type,parentSchema:schema80.properties.options,data:data1};
  if(vErrors === null){
  vErrors = [err13];
  }
  else {
  vErrors.push(err13);
  }
  errors++;
  }
  }
  }
  else {
  const err14 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema80.type,parentSchema:schema80,data};
  if(vErrors === null){
  vErrors = [err14];
  }
  else {
  vErrors.push(err14);
  }
  errors++;
  }
  validate84.errors = vErrors;
  return errors === 0;
  }
  validate84.evaluated = {"props":true,"dynamicProps":false,"dynamicItems":false};

  const schema82 = careloomRuntime.schemaFiles["module.schema.json"].$defs.SliderInput;

  function validate86(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
  let vErrors = null;
  let errors = 0;
  const evaluated0 = validate86.evaluated;
  if(evaluated0.dynamicProps){
  evaluated0.props = undefined;
  }
  if(evaluated0.dynamicItems){
  evaluated0.items = undefined;
  }
  if(data && typeof data == "object" && !Array.isArray(data)){
  if(data.kind === undefined){
  const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "kind"},message:"must have required property '"+"kind"+"'",schema:schema82.required,parentSchema:schema82,data};
  if(vErrors === null){
  vErrors = [err0];
  }
  else {
  vErrors.push(err0);
  }
  errors++;
  }
  if(data.min === undefined){
  const err1 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "min"},message:"must have required property '"+"min"+"'",schema:schema82.required,parentSchema:schema82,data};
  if(vErrors === null){
  vErrors = [err1];
  }
  else {
  vErrors.push(err1);
  }
  errors++;
  }
  if(data.max === undefined){
  const err2 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "max"},message:"must have required property '"+"max"+"'",schema:schema82.required,parentSchema:schema82,data};
  if(vErrors === null){
  vErrors = [err2];
  }
  else {
  vErrors.push(err2);
  }
  errors++;
  }
  for(const key0 in data){
  if(!((((((key0 === "kind") || (key0 === "min")) || (key0 === "max")) || (key0 === "step")) || (key0 === "minLabel")) || (key0 === "maxLabel"))){
  const err3 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties",schema:false,parentSchema:schema82,data};
  if(vErrors === null){
  vErrors = [err3];
  }
  else {
  vErrors.push(err3);
  }
  errors++;
  }
  }
  if(data.kind !== undefined){
  let data0 = data.kind;
  if("slider" !== data0){
  const err4 = {instancePath:instancePath+"/kind",schemaPath:"#/properties/kind/const",keyword:"const",params:{allowedValue: "slider"},message:"must be equal to constant",schema:"slider",parentSchema:schema82.properties.kind,data:data0};
  if(vErrors === null){
  vErrors = [err4];
  }
  else {
  vErrors.push(err4);
  }
  errors++;
  }
  }
  if(data.min !== undefined){
  let data1 = data.min;
  if(!((typeof data1 == "number") && (isFinite(data1)))){
  const err5 = {instancePath:instancePath+"/min",schemaPath:"#/properties/min/type",keyword:"type",params:{type: "number"},message:"must be number",schema:schema82.properties.min.type,parentSchema:schema82.properties.min,data:data1};
  if(vErrors === null){
  vErrors = [err5];
  }
  else {
  vErrors.push(err5);
  }
  errors++;
  }
  }
  if(data.max !== undefined){
  let data2 = data.max;
  if(!((typeof data2 == "number") && (isFinite(data2)))){
  const err6 = {instancePath:instancePath+"/max",schemaPath:"#/properties/max/type",keyword:"type",params:{type: "number"},message:"must be number",schema:schema82.properties.max.type,parentSchema:schema82.properties.max,data:data2};
  if(vErrors === null){
  vErrors = [err6];
  }
  else {
  vErrors.push(err6);
  }
  errors++;
  }
  }
  if(data.step !== undefined){
  let data3 = data.step;
  if((typeof data3 == "number") && (isFinite(data3))){
  if(data3 <= 0 || isNaN(data3)){
  const err7 = {instancePath:instancePath+"/step",schemaPath:"#/properties/step/exclusiveMinimum",keyword:"exclusiveMinimum",params:{comparison: ">", limit: 0},message:"must be > 0",schema:0,parentSchema:schema82.properties.step,data:data3};
  if(vErrors === null){
  vErrors = [err7];
  }
  else {
  vErrors.push(err7);
  }
  errors++;
  }
  }
  else {
  const err8 = {instancePath:instancePath+"/step",schemaPath:"#/properties/step/type",keyword:"type",params:{type: "number"},message:"must be number",schema:schema82.properties.step.type,parentSchema:schema82.properties.step,data:data3};
  if(vErrors === null){
  vErrors = [err8];
  }
  else {
  vErrors.push(err8);
  }
  errors++;
  }
  }
  if(data.minLabel !== undefined){
  if(!(validate22(data.minLabel, {instancePath:instancePath+"/minLabel",parentData:data,parentDataProperty:"minLabel",rootData,dynamicAnchors}))){
  vErrors = vErrors === null ? validate22.errors : vErrors.concat(validate22.errors);
  errors = vErrors.length;
  }
  }
  if(data.maxLabel !== undefined){
  if(!(validate22(data.maxLabel, {instancePath:instancePath+"/maxLabel",parentData:data,parentDataProperty:"maxLabel",rootData,dynamicAnchors}))){
  vErrors = vErrors === null ? validate22.errors : vErrors.concat(validate22.errors);
  errors = vErrors.length;
  }
  }
  }
  else {
  const err9 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema82.type,parentSchema:schema82,data};
  if(vErrors === null){
  vErrors = [err9];
  }
  else {
  vErrors.push(err9);
  }
  errors++;
  }
  validate86.errors = vErrors;
  return errors === 0;
  }
  validate86.evaluated = {"props":true,"dynamicProps":false,"dynamicItems":false};

  const schema83 = careloomRuntime.schemaFiles["module.schema.json"].$defs.NumberInput;
  const schema84 = careloomRuntime.schemaFiles["module.schema.json"].$defs.Unit;

  function validate90(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
  let vErrors = null;
  let errors = 0;
  const evaluated0 = validate90.evaluated;
  if(evaluated0.dynamicProps){
  evaluated0.props = undefined;
  }
  if(evaluated0.dynamicItems){
  evaluated0.items = undefined;
  }
  if(data && typeof data == "object" && !Array.isArray(data)){
  if(data.code === undefined){
  const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "code"},message:"must have required property '"+"code"+"'",schema:schema84.required,parentSchema:schema84,data};
  if(vErrors === null){
  vErrors = [err0];
  }
  else {
  vErrors.push(err0);
  }
  errors++;
  }
  if(data.label === undefined){
  const err1 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "label"},message:"must have required property '"+"label"+"'",schema:schema84.required,parentSchema:schema84,data};
  if(vErrors === null){
  vErrors = [err1];
  }
  else {
  vErrors.push(err1);
  }
  errors++;
  }
  for(const key0 in data){
  if(!((key0 === "code") || (key0 === "label"))){
  const err2 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties",schema:false,parentSchema:schema84,data};
  if(vErrors === null){
  vErrors = [err2];
  }
  else {
  vErrors.push(err2);
  }
  errors++;
  }
  }
  if(data.code !== undefined){
  let data0 = data.code;
  if(typeof data0 === "string"){
  if(func2(data0) > 40){
  const err3 = {instancePath:instancePath+"/code",schemaPath:"#/properties/code/maxLength",keyword:"maxLength",params:{limit: 40},message:"must NOT have more than 40 characters",schema:40,parentSchema:schema84.properties.code,data:data0};
  if(vErrors === null){
  vErrors = [err3];
  }
  else {
  vErrors.push(err3);
  }
  errors++;
  }
  if(func2(data0) < 1){
  const err4 = {instancePath:instancePath+"/code",schemaPath:"#/properties/code/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema84.properties.code,data:data0};
  if(vErrors === null){
  vErrors = [err4];
  }
  else {
  vErrors.push(err4);
  }
  errors++;
  }
  }
  else {
  const err5 = {instancePath:instancePath+"/code",schemaPath:"#/properties/code/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema84.properties.code.type,parentSchema:schema84.properties.code,data:data0};
  if(vErrors === null){
  vErrors = [err5];
  }
  else {
  vErrors.push(err5);
  }
  errors++;
  }
  }
  if(data.label !== undefined){
  if(!(validate22(data.label, {instancePath:instancePath+"/label",parentData:data,parentDataProperty:"label",rootData,dynamicAnchors}))){
  vErrors = vErrors === null ? validate22.errors : vErrors.concat(validate22.errors);
  errors = vErrors.length;
  }
  }
  }
  else {
  const err6 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema84.type,parentSchema:schema84,data};
  if(vErrors === null){
  vErrors = [err6];
  }
  else {
  vErrors.push(err6);
  }
  errors++;
  }
  validate90.errors = vErrors;
  return errors === 0;
  }
  validate90.evaluated = {"props":true,"dynamicProps":false,"dynamicItems":false};


  function validate89(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
  let vErrors = null;
  let errors = 0;
  const evaluated0 = validate89.evaluated;
  if(evaluated0.dynamicProps){
  evaluated0.props = undefined;
  }
  if(evaluated0.dynamicItems){
  evaluated0.items = undefined;
  }
  if(data && typeof data == "object" && !Array.isArray(data)){
  if(data.kind === undefined){
  const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "kind"},message:"must have required property '"+"kind"+"'",schema:schema83.required,parentSchema:schema83,data};
  if(vErrors === null){
  vErrors = [err0];
  }
  else {
  vErrors.push(err0);
  }
  errors++;
  }
  for(const key0 in data){
  if(!(((((key0 === "kind") || (key0 === "unit")) || (key0 === "min")) || (key0 === "max")) || (key0 === "decimals"))){
  const err1 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties",schema:false,parentSchema:schema83,data};
  if(vErrors === null){
  vErrors = [err1];
  }
  else {
  vErrors.push(err1);
  }
  errors++;
  }
  }
  if(data.kind !== undefined){
  let data0 = data.kind;
  if("number" !== data0){
  const err2 = {instancePath:instancePath+"/kind",schemaPath:"#/properties/kind/const",keyword:"const",params:{allowedValue: "number"},message:"must be equal to constant",schema:"number",parentSchema:schema83.properties.kind,data:data0};
  if(vErrors === null){
  vErrors = [err2];
  }
  else {
  vErrors.push(err2);
  }
  errors++;
  }
  }
  if(data.unit !== undefined){
  if(!(validate90(data.unit, {instancePath:instancePath+"/unit",parentData:data,parentDataProperty:"unit",rootData,dynamicAnchors}))){
  vErrors = vErrors === null ? validate90.errors : vErrors.concat(validate90.errors);
  errors = vErrors.length;
  }
  }
  if(data.min !== undefined){
  let data2 = data.min;
  if(!((typeof data2 == "number") && (isFinite(data2)))){
  const err3 = {instancePath:instancePath+"/min",schemaPath:"#/properties/min/type",keyword:"type",params:{type: "number"},message:"must be number",schema:schema83.properties.min.type,parentSchema:schema83.properties.min,data:data2};
  if(vErrors === null){
  vErrors = [err3];
  }
  else {
  vErrors.push(err3);
  }
  errors++;
  }
  }
  if(data.max !== undefined){
  let data3 = data.max;
  if(!((typeof data3 == "number") && (isFinite(data3)))){
  const err4 = {instancePath:instancePath+"/max",schemaPath:"#/properties/max/type",keyword:"type",params:{type: "number"},message:"must be number",schema:schema83.properties.max.type,parentSchema:schema83.properties.max,data:data3};
  if(vErrors === null){
  vErrors = [err4];
  }
  else {
  vErrors.push(err4);
  }
  errors++;
  }
  }
  if(data.decimals !== undefined){
  let data4 = data.decimals;
  if(!(((typeof data4 == "number") && (!(data4 % 1) && !isNaN(data4))) && (isFinite(data4)))){
  const err5 = {instancePath:instancePath+"/decimals",schemaPath:"#/properties/decimals/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema83.properties.decimals.type,parentSchema:schema83.properties.decimals,data:data4};
  if(vErrors === null){
  vErrors = [err5];
  }
  else {
  vErrors.push(err5);
  }
  errors++;
  }
  if((typeof data4 == "number") && (isFinite(data4))){
  if(data4 > 6 || isNaN(data4)){
  const err6 = {instancePath:instancePath+"/decimals",schemaPath:"#/properties/decimals/maximum",keyword:"maximum",params:{comparison: "<=", limit: 6},message:"must be <= 6",schema:6,parentSchema:schema83.properties.decimals,data:data4};
  if(vErrors === null){
  vErrors = [err6];
  }
  else {
  vErrors.push(err6);
  }
  errors++;
  }
  if(data4 < 0 || isNaN(data4)){
  const err7 = {instancePath:instancePath+"/decimals",schemaPath:"#/properties/decimals/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema83.properties.decimals,data:data4};
  if(vErrors === null){
  vErrors = [err7];
  }
  else {
  vErrors.push(err7);
  }
  errors++;
  }
  }
  }
  }
  else {
  const err8 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema83.type,parentSchema:schema83,data};
  if(vErrors === null){
  vErrors = [err8];
  }
  else {
  vErrors.push(err8);
  }
  errors++;
  }
  validate89.errors = vErrors;
  return errors === 0;
  }
  validate89.evaluated = {"props":true,"dynamicProps":false,"dynamicItems":false};

  const schema85 = careloomRuntime.schemaFiles["module.schema.json"].$defs.YesNoInput;

  function validate93(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
  let vErrors = null;
  let errors = 0;
  const evaluated0 = validate93.evaluated;
  if(evaluated0.dynamicProps){
  evaluated0.props = undefined;
  }
  if(evaluated0.dynamicItems){
  evaluated0.items = undefined;
  }
  if(data && typeof data == "object" && !Array.isArray(data)){
  if(data.kind === undefined){
  const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "kind"},message:"must have required property '"+"kind"+"'",schema:schema85.required,parentSchema:schema85,data};
  if(vErrors === null){
  vErrors = [err0];
  }
  else {
  vErrors.push(err0);
  }
  errors++;
  }
  for(const key0 in data){
  if(!(((key0 === "kind") || (key0 === "yesLabel")) || (key0 === "noLabel"))){
  const err1 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties",schema:false,parentSchema:schema85,data};
  if(vErrors === null){
  vErrors = [err1];
  }
  else {
  vErrors.push(err1);
  }
  errors++;
  }
  }
  if(data.kind !== undefined){
  let data0 = data.kind;
  if("yesNo" !== data0){
  const err2 = {instancePath:instancePath+"/kind",schemaPath:"#/properties/kind/const",keyword:"const",params:{allowedValue: "yesNo"},message:"must be equal to constant",schema:"yesNo",parentSchema:schema85.properties.kind,data:data0};
  if(vErrors === null){
  vErrors = [err2];
  }
  else {
  vErrors.push(err2);
  }
  errors++;
  }
  }
  if(data.yesLabel !== undefined){
  if(!(validate22(data.yesLabel, {instancePath:instancePath+"/yesLabel",parentData:data,parentDataProperty:"yesLabel",rootData,dynamicAnchors}))){
  vErrors = vErrors === null ? validate22.errors : vErrors.concat(validate22.errors);
  errors = vErrors.length;
  }
  }
  if(data.noLabel !== undefined){
  if(!(validate22(data.noLabel, {instancePath:instancePath+"/noLabel",parentData:data,parentDataProperty:"noLabel",rootData,dynamicAnchors}))){
  vErrors = vErrors === null ? validate22.errors : vErrors.concat(validate22.errors);
  errors = vErrors.length;
  }
  }
  }
  else {
  const err3 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema85.type,parentSchema:schema85,data};
  if(vErrors === null){
  vErrors = [err3];
  }
  else {
  vErrors.push(err3);
  }
  errors++;
  }
  validate93.errors = vErrors;
  return errors === 0;
  }
  validate93.evaluated = {"props":true,"dynamicProps":false,"dynamicItems":false};


  function validate77(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
  let vErrors = null;
  let errors = 0;
  const evaluated0 = validate77.evaluated;
  if(evaluated0.dynamicProps){
  evaluated0.props = undefined;
  }
  if(evaluated0.dynamicItems){
  evaluated0.items = undefined;
  }
  if(data && typeof data == "object" && !Array.isArray(data)){
  if(data.kind === undefined){
  const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "kind"},message:"must have required property '"+"kind"+"'",schema:schema75.required,parentSchema:schema75,data};
  if(vErrors === null){
  vErrors = [err0];
  }
  else {
  vErrors.push(err0);
  }
  errors++;
  }
  const tag0 = data.kind;
  if(typeof tag0 == "string"){
  if(tag0 === "singleChoice"){
  if(!(validate78(data, {instancePath,parentData,parentDataProperty,rootData,dynamicAnchors}))){
  vErrors = vErrors === null ? validate78.errors : vErrors.concat(validate78.errors);
  errors = vErrors.length;
  }
  var props0 = true;
  }
  else if(tag0 === "multipleChoice"){
  if(!(validate82(data, {instancePath,parentData,parentDataProperty,rootData,dynamicAnchors}))){
  vErrors = vErrors === null ? validate82.errors : vErrors.concat(validate82.errors);
  errors = vErrors.length;
  }
  if(props0 !== true){
  props0 = true;
  }
  }
  else if(tag0 === "scale"){
  if(!(validate84(data, {instancePath,parentData,parentDataProperty,rootData,dynamicAnchors}))){
  vErrors = vErrors === null ? validate84.errors : vErrors.concat(validate84.errors);
  errors = vErrors.length;
  }
  if(props0 !== true){
  props0 = true;
  }
  }
  else if(tag0 === "slider"){
  if(!(validate86(data, {instancePath,parentData,parentDataProperty,rootData,dynamicAnchors}))){
  vErrors = vErrors === null ? validate86.errors : vErrors.concat(validate86.errors);
  errors = vErrors.length;
  }
  if(props0 !== true){
  props0 = true;
  }
  }
  else if(tag0 === "number"){
  if(!(validate89(data, {instancePath,parentData,parentDataProperty,rootData,dynamicAnchors}))){
  vErrors = vErrors === null ? validate89.errors : vErrors.concat(validate89.errors);
  errors = vErrors.length;
  }
  if(props0 !== true){
  props0 = true;
  }
  }
  else if(tag0 === "text"){
  if(data && typeof data == "object" && !Array.isArray(data)){
  if(data.kind === undefined){
  const err1 = {instancePath,schemaPath:"#/$defs/TextInput/required",keyword:"required",params:{missingProperty: "kind"},message:"must have required property '"+"kind"+"'",schema:schema86.required,parentSchema:schema86,data};
  if(vErrors === null){
  vErrors = [err1];
  }
  else {
  vErrors.push(err1);
  }
  errors++;
  }
  if(data.maxLength === undefined){
  const err2 = {instancePath,schemaPath:"#/$defs/TextInput/required",keyword:"required",params:{missingProperty: "maxLength"},message:"must have required property '"+"maxLength"+"'",schema:schema86.required,parentSchema:schema86,data};
  if(vErrors === null){
  vErrors = [err2];
  }
  else {
  vErrors.push(err2);
  }
  errors++;
  }
  for(const key0 in data){
  if(!(((key0 === "kind") || (key0 === "multiline")) || (key0 === "maxLength"))){
  const err3 = {instancePath,schemaPath:"#/$defs/TextInput/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties",schema:false,parentSchema:schema86,data};
  if(vErrors === null){
  vErrors = [err3];
  }
  else {
  vErrors.push(err3);
  }
  errors++;
  }
  }
  if(data.kind !== undefined){
  let data0 = data.kind;
  if("text" !== data0){
  const err4 = {instancePath:instancePath+"/kind",schemaPath:"#/$defs/TextInput/properties/kind/const",keyword:"const",params:{allowedValue: "text"},message:"must be equal to constant",schema:"text",parentSchema:schema86.properties.kind,data:data0};
  if(vErrors === null){
  vErrors = [err4];
  }
  else {
  vErrors.push(err4);
  }
  errors++;
  }
  }
  if(data.multiline !== undefined){
  let data1 = data.multiline;
  if(typeof data1 !== "boolean"){
  const err5 = {instancePath:instancePath+"/multiline",schemaPath:"#/$defs/TextInput/properties/multiline/type",keyword:"type",params:{type: "boolean"},message:"must be boolean",schema:schema86.properties.multiline.type,parentSchema:schema86.properties.multiline,data:data1};
  if(vErrors === null){
  vErrors = [err5];
  }
  else {
  vErrors.push(err5);
  }
  errors++;
  }
  }
  if(data.maxLength !== undefined){
  let data2 = data.maxLength;
  if(!(((typeof data2 == "number") && (!(data2 % 1) && !isNaN(data2))) && (isFinite(data2)))){
  const err6 = {instancePath:instancePath+"/maxLength",schemaPath:"#/$defs/TextInput/properties/maxLength/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema86.properties.maxLength.type,parentSchema:schema86.properties.maxLength,data:data2};
  if(vErrors === null){
  vErrors = [err6];
  }
  else {
  vErrors.push(err6);
  }
  errors++;
  }
  if((typeof data2 == "number") && (isFinite(data2))){
  if(data2 > 20000 || isNaN(data2)){
  const err7 = {instancePath:instancePath+"/maxLength",schemaPath:"#/$defs/TextInput/properties/maxLength/maximum",keyword:"maximum",params:{comparison: "<=", limit: 20000},message:"must be <= 20000",schema:20000,parentSchema:schema86.properties.maxLength,data:data2};
  if(vErrors === null){
  vErrors = [err7];
  }
  else {
  vErrors.push(err7);
  }
  errors++;
  }
  if(data2 < 1 || isNaN(data2)){
  const err8 = {instancePath:instancePath+"/maxLength",schemaPath:"#/$defs/TextInput/properties/maxLength/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1",schema:1,parentSchema:schema86.properties.maxLength,data:data2};
  if(vErrors === null){
  vErrors = [err8];
  }
  else {
  vErrors.push(err8);
  }
  errors++;
  }
  }
  }
  }
  else {
  const err9 = {instancePath,schemaPath:"#/$defs/TextInput/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema86.type,parentSchema:schema86,data};
  if(vErrors === null){
  vErrors = [err9];
  }
  else {
  vErrors.push(err9);
  }
  errors++;
  }
  if(props0 !== true){
  props0 = true;
  }
  }
  else if(tag0 === "dateTime"){
  if(data && typeof data == "object" && !Array.isArray(data)){
  if(data.kind === undefined){
  const err10 = {instancePath,schemaPath:"#/$defs/DateTimeInput/required",keyword:"required",params:{missingProperty: "kind"},message:"must have required property '"+"kind"+"'",schema:schema87.required,parentSchema:schema87,data};
  if(vErrors === null){
  vErrors = [err10];
  }
  else {
  vErrors.push(err10);
  }
  errors++;
  }
  if(data.mode === undefined){
  const err11 = {instancePath,schemaPath:"#/$defs/DateTimeInput/required",keyword:"required",params:{missingProperty: "mode"},message:"must have required property '"+"mode"+"'",schema:schema87.required,parentSchema:schema87,data};
  if(vErrors === null){
  vErrors = [err11];
  }
  else {
  vErrors.push(err11);
  }
  errors++;
  }
  for(const key1 in data){
  if(!((key1 === "kind") || (key1 === "mode"))){
  const err12 = {instancePath,schemaPath:"#/$defs/DateTimeInput/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key1},message:"must NOT have additional properties",schema:false,parentSchema:schema87,data};
  if(vErrors === null){
  vErrors = [err12];
  }
  else {
  vErrors.push(err12);
  }
  errors++;
  }
  }
  if(data.kind !== undefined){
  let data3 = data.kind;
  if("dateTime" !== data3){
  const err13 = {instancePath:instancePath+"/kind",schemaPath:"#/$defs/DateTimeInput/properties/kind/const",keyword:"const",params:{allowedValue: "dateTime"},message:"must be equal to constant",schema:"dateTime",parentSchema:schema87.properties.kind,data:data3};
  if(vErrors === null){
  vErrors = [err13];
  }
  else {
  vErrors.push(err13);
  }
  errors++;
  }
  }
  if(data.mode !== undefined){
  let data4 = data.mode;
  if(!(((data4 === "date") || (data4 === "time")) || (data4 === "dateTime"))){
  const err14 = {instancePath:instancePath+"/mode",schemaPath:"#/$defs/DateTimeInput/properties/mode/enum",keyword:"enum",params:{allowedValues: schema87.properties.mode.enum},message:"must be equal to one of the allowed values",schema:schema87.properties.mode.enum,parentSchema:schema87.properties.mode,data:data4};
  if(vErrors === null){
  vErrors = [err14];
  }
  else {
  vErrors.push(err14);
  }
  errors++;
  }
  }
  }
  else {
  const err15 = {instancePath,schemaPath:"#/$defs/DateTimeInput/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema87.type,parentSchema:schema87,data};
  if(vErrors === null){
  vErrors = [err15];
  }
  else {
  vErrors.push(err15);
  }
  errors++;
  }
  if(props0 !== true){
  props0 = true;
  }
  }
  else if(tag0 === "yesNo"){
  if(!(validate93(data, {instancePath,parentData,parentDataProperty,rootData,dynamicAnchors}))){
  vErrors = vErrors === null ? validate93.errors : vErrors.concat(validate93.errors);
  errors = vErrors.length;
  }
  if(props0 !== true){
  props0 = true;
  }
  }
  else {
  const err16 = {instancePath,schemaPath:"#/discriminator",keyword:"discriminator",params:{error: "mapping", tag: "kind", tagValue: tag0},message:"value of tag \"kind\" must be in oneOf",schema:schema75.discriminator,parentSchema:schema75,data};
  if(vErrors === null){
  vErrors = [err16];
  }
  else {
  vErrors.push(err16);
  }
  errors++;
  }
  }
  else {
  const err17 = {instancePath,schemaPath:"#/discriminator",keyword:"discriminator",params:{error: "tag", tag: "kind", tagValue: tag0},message:"tag \"kind\" must be string",schema:schema75.discriminator,parentSchema:schema75,data};
  if(vErrors === null){
  vErrors = [err17];
  }
  else {
  vErrors.push(err17);
  }
  errors++;
  }
  }
  else {
  const err18 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema75.type,parentSchema:schema75,data};
  if(vErrors === null){
  vErrors = [err18];
  }
  else {
  vErrors.push(err18);
  }
  errors++;
  }
  validate77.errors = vErrors;
  evaluated0.props = props0;
  return errors === 0;
  }
  validate77.evaluated = {"dynamicProps":true,"dynamicItems":false};


  function validate73(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
  let vErrors = null;
  let errors = 0;
  const evaluated0 = validate73.evaluated;
  if(evaluated0.dynamicProps){
  evaluated0.props = undefined;
  }
  if(evaluated0.dynamicItems){
  evaluated0.items = undefined;
  }
  if(data && typeof data == "object" && !Array.isArray(data)){
  if(data.type === undefined){
  const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "type"},message:"must have required property '"+"type"+"'",schema:schema73.required,parentSchema:schema73,data};
  if(vErrors === null){
  vErrors = [err0];
  }
  else {
  vErrors.push(err0);
  }
  errors++;
  }
  if(data.id === undefined){
  const err1 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "id"},message:"must have required property '"+"id"+"'",schema:schema73.required,parentSchema:schema73,data};
  if(vErrors === null){
  vErrors = [err1];
  }
  else {
  vErrors.push(err1);
  }
  errors++;
  }
  if(data.prompt === undefined){
  const err2 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "prompt"},message:"must have required property '"+"prompt"+"'",schema:schema73.required,parentSchema:schema73,data};
  if(vErrors === null){
  vErrors = [err2];
  }
  else {
  vErrors.push(err2);
  }
  errors++;
  }
  if(data.input === undefined){
  const err3 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "input"},message:"must have required property '"+"input"+"'",schema:schema73.required,parentSchema:schema73,data};
  if(vErrors === null){
  vErrors = [err3];
  }
  else {
  vErrors.push(err3);
  }
  errors++;
  }
  for(const key0 in data){
  if(!(((((((key0 === "type") || (key0 === "id")) || (key0 === "visibleWhen")) || (key0 === "prompt")) || (key0 === "help")) || (key0 === "required")) || (key0 === "input"))){
  const err4 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties",schema:false,parentSchema:schema73,data};
  if(vErrors === null){
  vErrors = [err4];
  }
  else {
  vErrors.push(err4);
  }
  errors++;
  }
  }
  if(data.type !== undefined){
  let data0 = data.type;
  if("question" !== data0){
  const err5 = {instancePath:instancePath+"/type",schemaPath:"#/properties/type/const",keyword:"const",params:{allowedValue: "question"},message:"must be equal to constant",schema:"question",parentSchema:schema73.properties.type,data:data0};
  if(vErrors === null){
  vErrors = [err5];
  }
  else {
  vErrors.push(err5);
  }
  errors++;
  }
  }
  if(data.id !== undefined){
  let data1 = data.id;
  if(typeof data1 === "string"){
  if(!pattern8.test(data1)){
  const err6 = {instancePath:instancePath+"/id",schemaPath:"common.schema.json#/$defs/Id/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z][A-Za-z0-9_.-]{0,63}$"},message:"must match pattern \""+"^[A-Za-z][A-Za-z0-9_.-]{0,63}$"+"\"",schema:"^[A-Za-z][A-Za-z0-9_.-]{0,63}$",parentSchema:schema39,data:data1};
  if(vErrors === null){
  vErrors = [err6];
  }
  else {
  vErrors.push(err6);
  }
  errors++;
  }
  }
  else {
  const err7 = {instancePath:instancePath+"/id",schemaPath:"common.schema.json#/$defs/Id/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema39.type,parentSchema:schema39,data:data1};
  if(vErrors === null){
  vErrors = [err7];
  }
  else {
  vErrors.push(err7);
  }
  errors++;
  }
  }
  if(data.visibleWhen !== undefined){
  if(!(validate28(data.visibleWhen, {instancePath:instancePath+"/visibleWhen",parentData:data,parentDataProperty:"visibleWhen",rootData,dynamicAnchors}))){
  vErrors = vErrors === null ? validate28.errors : vErrors.concat(validate28.errors);
  errors = vErrors.length;
  }
  }
  if(data.prompt !== undefined){
  if(!(validate22(data.prompt, {instancePath:instancePath+"/prompt",parentData:data,parentDataProperty:"prompt",rootData,dynamicAnchors}))){
  vErrors = vErrors === null ? validate22.errors : vErrors.concat(validate22.errors);
  errors = vErrors.length;
  }
  }
  if(data.help !== undefined){
  if(!(validate22(data.help, {instancePath:instancePath+"/help",parentData:data,parentDataProperty:"help",rootData,dynamicAnchors}))){
  vErrors = vErrors === null ? validate22.errors : vErrors.concat(validate22.errors);
  errors = vErrors.length;
  }
  }
  if(data.required !== undefined){
  let data5 = data.required;
  if(typeof data5 !== "boolean"){
  const err8 = {instancePath:instancePath+"/required",schemaPath:"#/properties/required/type",keyword:"type",params:{type: "boolean"},message:"must be boolean",schema:schema73.properties.required.type,parentSchema:schema73.properties.required,data:data5};
  if(vErrors === null){
  vErrors = [err8];
  }
  else {
  vErrors.push(err8);
  }
  errors++;
  }
  }
  if(data.input !== undefined){
  if(!(validate77(data.input, {instancePath:instancePath+"/input",parentData:data,parentDataProperty:"input",rootData,dynamicAnchors}))){
  vErrors = vErrors === null ? validate77.errors : vErrors.concat(validate77.errors);
  errors = vErrors.length;
  }
  }
  }
  else {
  const err9 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema73.type,parentSchema:schema73,data};
  if(vErrors === null){
  vErrors = [err9];
  }
  else {
  vErrors.push(err9);
  }
  errors++;
  }
  validate73.errors = vErrors;
  return errors === 0;
  }
  validate73.evaluated = {"props":true,"dynamicProps":false,"dynamicItems":false};

  const schema88 = careloomRuntime.schemaFiles["module.schema.json"].$defs.GridBlock;

  function validate103(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
  let vErrors = null;
  let errors = 0;
  const evaluated0 = validate103.evaluated;
  if(evaluated0.dynamicProps){
  evaluated0.props = undefined;
  }
  if(evaluated0.dynamicItems){
  evaluated0.items = undefined;
  }
  if(data && typeof data == "object" && !Array.isArray(data)){
  if(data.type === undefined){
  const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "type"},message:"must have required property '"+"type"+"'",schema:schema88.required,parentSchema:schema88,data};
  if(vErrors === null){
  vErrors = [err0];
  }
  else {
  vErrors.push(err0);
  }
  errors++;
  }
  if(data.id === undefined){
  const err1 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "id"},message:"must have required property '"+"id"+"'",schema:schema88.required,parentSchema:schema88,data};
  if(vErrors === null){
  vErrors = [err1];
  }
  else {
  vErrors.push(err1);
  }
  errors++;
  }
  if(data.prompt === undefined){
  const err2 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "prompt"},message:"must have required property '"+"prompt"+"'",schema:schema88.required,parentSchema:schema88,data};
  if(vErrors === null){
  vErrors = [err2];
  }
  else {
  vErrors.push(err2);
  }
  errors++;
  }
  if(data.options === undefined){
  const err3 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "options"},message:"must have required property '"+"options"+"'",schema:schema88.required,parentSchema:schema88,data};
  if(vErrors === null){
  vErrors = [err3];
  }
  else {
  vErrors.push(err3);
  }
  errors++;
  }
  if(data.rows === undefined){
  const err4 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "rows"},message:"must have required property '"+"rows"+"'",schema:schema88.required,parentSchema:schema88,data};
  if(vErrors === null){
  vErrors = [err4];
  }
  else {
  vErrors.push(err4);
  }
  errors++;
  }
  for(const key0 in data){
  if(!(((((((key0 === "type") || (key0 === "id")) || (key0 === "visibleWhen")) || (key0 === "prompt")) || (key0 === "required")) || (key0 === "options")) || (key0 === "rows"))){
  const err5 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties",schema:false,parentSchema:schema88,data};
  if(vErrors === null){
  vErrors = [err5];
  }
  else {
  vErrors.push(err5);
  }
  errors++;
  }
  }
  if(data.type !== undefined){
  let data0 = data.type;
  if("grid" !== data0){
  const err6 = {instancePath:instancePath+"/type",schemaPath:"#/properties/type/const",keyword:"const",params:{allowedValue: "grid"},message:"must be equal to constant",schema:"grid",parentSchema:schema88.properties.type,data:data0};
  if(vErrors === null){
  vErrors = [err6];
  }
  else {
  vErrors.push(err6);
  }
  errors++;
  }
  }
  if(data.id !== undefined){
  let data1 = data.id;
  if(typeof data1 === "string"){
  if(!pattern8.test(data1)){
  const err7 = {instancePath:instancePath+"/id",schemaPath:"common.schema.json#/$defs/Id/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z][A-Za-z0-9_.-]{0,63}$"},message:"must match pattern \""+"^[A-Za-z][A-Za-z0-9_.-]{0,63}$"+"\"",schema:"^[A-Za-z][A-Za-z0-9_.-]{0,63}$",parentSchema:schema39,data:data1};
  if(vErrors === null){
  vErrors = [err7];
  }
  else {
  vErrors.push(err7);
  }
  errors++;
  }
  }
  else {
  const err8 = {instancePath:instancePath+"/id",schemaPath:"common.schema.json#/$defs/Id/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema39.type,parentSchema:schema39,data:data1};
  if(vErrors === null){
  vErrors = [err8];
  }
  else {
  vErrors.push(err8);
  }
  errors++;
  }
  }
  if(data.visibleWhen !== undefined){
  if(!(validate28(data.visibleWhen, {instancePath:instancePath+"/visibleWhen",parentData:data,parentDataProperty:"visibleWhen",rootData,dynamicAnchors}))){
  vErrors = vErrors === null ? validate28.errors : vErrors.concat(validate28.errors);
  errors = vErrors.length;
  }
  }
  if(data.prompt !== undefined){
  if(!(validate22(data.prompt, {instancePath:instancePath+"/prompt",parentData:data,parentDataProperty:"prompt",rootData,dynamicAnchors}))){
  vErrors = vErrors === null ? validate22.errors : vErrors.concat(validate22.errors);
  errors = vErrors.length;
  }
  }
  if(data.required !== undefined){
  let data4 = data.required;
  if(typeof data4 !== "boolean"){
  const err9 = {instancePath:instancePath+"/required",schemaPath:"#/properties/required/type",keyword:"type",params:{type: "boolean"},message:"must be boolean",schema:schema88.properties.required.type,parentSchema:schema88.properties.required,data:data4};
  if(vErrors === null){
  vErrors = [err9];
  }
  else {
  vErrors.push(err9);
  }
  errors++;
  }
  }
  if(data.options !== undefined){
  let data5 = data.options;
  if(Array.isArray(data5)){
  if(data5.length < 2){
  const err10 = {instancePath:instancePath+"/options",schemaPath:"#/properties/options/minItems",keyword:"minItems",params:{limit: 2},message:"must NOT have fewer than 2 items",schema:2,parentSchema:schema88.properties.options,data:data5};
  if(vErrors === null){
  vErrors = [err10];
  }
  else {
  vErrors.push(err10);
  }
  errors++;
  }
  const len0 = data5.length;
  for(let i0=0; i0<len0; i0++){
  if(!(validate79(data5[i0], {instancePath:instancePath+"/options/" + i0,parentData:data5,parentDataProperty:i0,rootData,dynamicAnchors}))){
  vErrors = vErrors === null ? validate79.errors : vErrors.concat(validate79.errors);
  errors = vErrors.length;
  }
  }
  }
  else {
  const err11 = {instancePath:instancePath+"/options",schemaPath:"#/properties/options/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema88.properties.options.type,parentSchema:schema88.properties.options,data:data5};
  if(vErrors === null){
  vErrors = [err11];
  }
  else {
  vErrors.push(err11);
  }
  errors++;
  }
  }
  if(data.rows !== undefined){
  let data7 = data.rows;
  if(Array.isArray(data7)){
  if(data7.length < 1){
  const err12 = {instancePath:instancePath+"/rows",schemaPath:"#/properties/rows/minItems",keyword:"minItems",params:{limit: 1},message:"must NOT have fewer than 1 items",schema:1,parentSchema:schema88.properties.rows,data:data7};
  if(vErrors === null){
  vErrors = [err12];
  }
  else {
  vErrors.push(err12);
  }
  errors++;
  }
  const len1 = data7.length;
  for(let i1=0; i1<len1; i1++){
  let data8 = data7[i1];
  if(data8 && typeof data8 == "object" && !Array.isArray(data8)){
  if(data8.id === undefined){
  const err13 = {instancePath:instancePath+"/rows/" + i1,schemaPath:"#/properties/rows/items/required",keyword:"required",params:{missingProperty: "id"},message:"must have required property '"+"id"+"'",schema:schema88.properties.rows.items.required,parentSchema:schema88.properties.rows.items,data:data8};
  if(vErrors === null){
  vErrors = [err13];
  }
  else {
  vErrors.push(err13);
  }
  errors++;
  }
  if(data8.prompt === undefined){
  const err14 = {instancePath:instancePath+"/rows/" + i1,schemaPath:"#/properties/rows/items/required",keyword:"required",params:{missingProperty: "prompt"},message:"must have required property '"+"prompt"+"'",schema:schema88.properties.rows.items.required,parentSchema:schema88.properties.rows.items,data:data8};
  if(vErrors === null){
  vErrors = [err14];
  }
  else {
  vErrors.push(err14);
  }
  errors++;
  }
  for(const key1 in data8){
  if(!((key1 === "id") || (key1 === "prompt"))){
  const err15 = {instancePath:instancePath+"/rows/" + i1,schemaPath:"#/properties/rows/items/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key1},message:"must NOT have additional properties",schema:false,parentSchema:schema88.properties.rows.items,data:data8};
  if(vErrors === null){
  vErrors = [err15];
  }
  else {
  vErrors.push(err15);
  }
  errors++;
  }
  }
  if(data8.id !== undefined){
  let data9 = data8.id;
  if(typeof data9 === "string"){
  if(!pattern8.test(data9)){
  const err16 = {instancePath:instancePath+"/rows/" + i1+"/id",schemaPath:"common.schema.json#/$defs/Id/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z][A-Za-z0-9_.-]{0,63}$"},message:"must match pattern \""+"^[A-Za-z][A-Za-z0-9_.-]{0,63}$"+"\"",schema:"^[A-Za-z][A-Za-z0-9_.-]{0,63}$",parentSchema:schema39,data:data9};
  if(vErrors === null){
  vErrors = [err16];
  }
  else {
  vErrors.push(err16);
  }
  errors++;
  }
  }
  else {
  const err17 = {instancePath:instancePath+"/rows/" + i1+"/id",schemaPath:"common.schema.json#/$defs/Id/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema39.type,parentSchema:schema39,data:data9};
  if(vErrors === null){
  vErrors = [err17];
  }
  else {
  vErrors.push(err17);
  }
  errors++;
  }
  }
  if(data8.prompt !== undefined){
  if(!(validate22(data8.prompt, {instancePath:instancePath+"/rows/" + i1+"/prompt",parentData:data8,parentDataProperty:"prompt",rootData,dynamicAnchors}))){
  vErrors = vErrors === null ? validate22.errors : vErrors.concat(validate22.errors);
  errors = vErrors.length;
  }
  }
  }
  else {
  const err18 = {instancePath:instancePath+"/rows/" + i1,schemaPath:"#/properties/rows/items/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema88.properties.rows.items.type,parentSchema:schema88.properties.rows.items,data:data8};
  if(vErrors === null){
  vErrors = [err18];
  }
  else {
  vErrors.push(err18);
  }
  errors++;
  }
  }
  }
  else {
  const err19 = {instancePath:instancePath+"/rows",schemaPath:"#/properties/rows/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema88.properties.rows.type,parentSchema:schema88.properties.rows,data:data7};
  if(vErrors === null){
  vErrors = [err19];
  }
  else {
  vErrors.push(err19);
  }
  errors++;
  }
  }
  }
  else {
  const err20 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema88.type,parentSchema:schema88,data};
  if(vErrors === null){
  vErrors = [err20];
  }
  else {
  vErrors.push(err20);
  }
  errors++;
  }
  validate103.errors = vErrors;
  return errors === 0;
  }
  validate103.evaluated = {"props":true,"dynamicProps":false,"dynamicItems":false};

  const schema91 = careloomRuntime.schemaFiles["instrument.schema.json"];
  const schema96 = careloomRuntime.schemaFiles["instrument.schema.json"].$defs.InstrumentCodes;
  const schema97 = careloomRuntime.schemaFiles["instrument.schema.json"].$defs.Licence;

  function validate109(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
  let vErrors = null;
  let errors = 0;
  const evaluated0 = validate109.evaluated;
  if(evaluated0.dynamicProps){
  evaluated0.props = undefined;
  }
  if(evaluated0.dynamicItems){
  evaluated0.items = undefined;
  }
  if(data && typeof data == "object" && !Array.isArray(data)){
  if(data.op === undefined){
  const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "op"},message:"must have required property '"+"op"+"'",schema:schema40.required,parentSchema:schema40,data};
  if(vErrors === null){
  vErrors = [err0];
  }
  else {
  vErrors.push(err0);
  }
  errors++;
  }
  const tag0 = data.op;
  if(typeof tag0 == "string"){
  if(tag0 === "eq"){
  if(!(validate29(data, {instancePath,parentData,parentDataProperty,rootData,dynamicAnchors}))){
  vErrors = vErrors === null ? validate29.errors : vErrors.concat(validate29.errors);
  errors = vErrors.length;
  }
  var props0 = true;
  }
  else if(tag0 === "ne"){
  if(!(validate29(data, {instancePath,parentData,parentDataProperty,rootData,dynamicAnchors}))){
  vErrors = vErrors === null ? validate29.errors : vErrors.concat(validate29.errors);
  errors = vErrors.length;
  }
  if(props0 !== true){
  props0 = true;
  }
  }
  else if(tag0 === "gt"){
  if(!(validate29(data, {instancePath,parentData,parentDataProperty,rootData,dynamicAnchors}))){
  vErrors = vErrors === null ? validate29.errors : vErrors.concat(validate29.errors);
  errors = vErrors.length;
  }
  if(props0 !== true){
  props0 = true;
  }
  }
  else if(tag0 === "gte"){
  if(!(validate29(data, {instancePath,parentData,parentDataProperty,rootData,dynamicAnchors}))){
  vErrors = vErrors === null ? validate29.errors : vErrors.concat(validate29.errors);
  errors = vErrors.length;
  }
  if(props0 !== true){
  props0 = true;
  }
  }
  else if(tag0 === "lt"){
  if(!(validate29(data, {instancePath,parentData,parentDataProperty,rootData,dynamicAnchors}))){
  vErrors = vErrors === null ? validate29.errors : vErrors.concat(validate29.errors);
  errors = vErrors.length;
  }
  if(props0 !== true){
  props0 = true;
  }
  }
  else if(tag0 === "lte"){
  if(!(validate29(data, {instancePath,parentData,parentDataProperty,rootData,dynamicAnchors}))){
  vErrors = vErrors === null ? validate29.errors : vErrors.concat(validate29.errors);
  errors = vErrors.length;
  }
  if(props0 !== true){
  props0 = true;
  }
  }
  else if(tag0 === "includes"){
  if(!(validate30(data, {instancePath,parentData,parentDataProperty,rootData,dynamicAnchors}))){
  vErrors = vErrors === null ? validate30.errors : vErrors.concat(validate30.errors);
  errors = vErrors.length;
  }
  if(props0 !== true){
  props0 = true;
  }
  }
  else if(tag0 === "answered"){
  if(!(validate31(data, {instancePath,parentData,parentDataProperty,rootData,dynamicAnchors}))){
  vErrors = vErrors === null ? validate31.errors : vErrors.concat(validate31.errors);
  errors = vErrors.length;
  }
  if(props0 !== true){
  props0 = true;
  }
  }
  else if(tag0 === "all"){
  if(!(validate32(data, {instancePath,parentData,parentDataProperty,rootData,dynamicAnchors}))){
  vErrors = vErrors === null ? validate32.errors : vErrors.concat(validate32.errors);
  errors = vErrors.length;
  }
  if(props0 !== true){
  props0 = true;
  }
  }
  else if(tag0 === "any"){
  if(!(validate33(data, {instancePath,parentData,parentDataProperty,rootData,dynamicAnchors}))){
  vErrors = vErrors === null ? validate33.errors : vErrors.concat(validate33.errors);
  errors = vErrors.length;
  }
  if(props0 !== true){
  props0 = true;
  }
  }
  else if(tag0 === "not"){
  if(!(validate34(data, {instancePath,parentData,parentDataProperty,rootData,dynamicAnchors}))){
  vErrors = vErrors === null ? validate34.errors : vErrors.concat(validate34.errors);
  errors = vErrors.length;
  }
  if(props0 !== true){
  props0 = true;
  }
  }
  else {
  const err1 = {instancePath,schemaPath:"#/discriminator",keyword:"discriminator",params:{error: "mapping", tag: "op", tagValue: tag0},message:"value of tag \"op\" must be in oneOf",schema:schema40.discriminator,parentSchema:schema40,data};
  if(vErrors === null){
  vErrors = [err1];
  }
  else {
  vErrors.push(err1);
  }
  errors++;
  }
  }
  else {
  const err2 = {instancePath,schemaPath:"#/discriminator",keyword:"discriminator",params:{error: "tag", tag: "op", tagValue: tag0},message:"tag \"op\" must be string",schema:schema40.discriminator,parentSchema:schema40,data};
  if(vErrors === null){
  vErrors = [err2];
  }
  else {
  vErrors.push(err2);
  }
  errors++;
  }
  }
  else {
  const err3 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema40.type,parentSchema:schema40,data};
  if(vErrors === null){
  vErrors = [err3];
  }
  else {
  vErrors.push(err3);
  }
  errors++;
  }
  validate109.errors = vErrors;
  evaluated0.props = props0;
  return errors === 0;
  }
  validate109.evaluated = {"dynamicProps":true,"dynamicItems":false};


  function validate122(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
  let vErrors = null;
  let errors = 0;
  const evaluated0 = validate122.evaluated;
  if(evaluated0.dynamicProps){
  evaluated0.props = undefined;
  }
  if(evaluated0.dynamicItems){
  evaluated0.items = undefined;
  }
  if(data && typeof data == "object" && !Array.isArray(data)){
  if(Object.keys(data).length < 1){
  const err0 = {instancePath,schemaPath:"#/minProperties",keyword:"minProperties",params:{limit: 1},message:"must NOT have fewer than 1 properties",schema:1,parentSchema:schema34,data};
  if(vErrors === null){
  vErrors = [err0];
  }
  else {
  vErrors.push(err0);
  }
  errors++;
  }
  for(const key0 in data){
  const _errs1 = errors;
  if(typeof key0 === "string"){
  if(!pattern5.test(key0)){
  const err1 = {instancePath,schemaPath:"#/$defs/LanguageTag/pattern",keyword:"pattern",params:{pattern: "^[a-z]{2,3}(-[A-Z]{2})?$"},message:"must match pattern \""+"^[a-z]{2,3}(-[A-Z]{2})?$"+"\"",schema:"^[a-z]{2,3}(-[A-Z]{2})?$",parentSchema:schema35,data:key0,propertyName:key0};
  if(vErrors === null){
  vErrors = [err1];
  }
  else {
  vErrors.push(err1);
  }
  errors++;
  }
  }
  else {
  const err2 = {instancePath,schemaPath:"#/$defs/LanguageTag/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema35.type,parentSchema:schema35,data:key0,propertyName:key0};
  if(vErrors === null){
  vErrors = [err2];
  }
  else {
  vErrors.push(err2);
  }
  errors++;
  }
  var valid0 = _errs1 === errors;
  if(!valid0){
  const err3 = {instancePath,schemaPath:"#/propertyNames",keyword:"propertyNames",params:{propertyName: key0},message:"property name must be valid",schema:schema34.propertyNames,parentSchema:schema34,data};
  if(vErrors === null){
  vErrors = [err3];
  }
  else {
  vErrors.push(err3);
  }
  errors++;
  }
  }
  for(const key1 in data){
  let data0 = data[key1];
  if(typeof data0 === "string"){
  if(func2(data0) > 20000){
  const err4 = {instancePath:instancePath+"/" + key1.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/additionalProperties/maxLength",keyword:"maxLength",params:{limit: 20000},message:"must NOT have more than 20000 characters",schema:20000,parentSchema:schema34.additionalProperties,data:data0};
  if(vErrors === null){
  vErrors = [err4];
  }
  else {
  vErrors.push(err4);
  }
  errors++;
  }
  if(func2(data0) < 1){
  const err5 = {instancePath:instancePath+"/" + key1.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/additionalProperties/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema34.additionalProperties,data:data0};
  if(vErrors === null){
  vErrors = [err5];
  }
  else {
  vErrors.push(err5);
  }
  errors++;
  }
  }
  else {
  const err6 = {instancePath:instancePath+"/" + key1.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/additionalProperties/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema34.additionalProperties.type,parentSchema:schema34.additionalProperties,data:data0};
  if(vErrors === null){
  vErrors = [err6];
  }
  else {
  vErrors.push(err6);
  }
  errors++;
  }
  }
  }
  else {
  const err7 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema34.type,parentSchema:schema34,data};
  if(vErrors === null){
  vErrors = [err7];
  }
  else {
  vErrors.push(err7);
  }
  errors++;
  }
  validate122.errors = vErrors;
  return errors === 0;
  }
  validate122.evaluated = {"props":true,"dynamicProps":false,"dynamicItems":false};

  const schema98 = careloomRuntime.schemaFiles["instrument.schema.json"].$defs.ScoredOption;

  function validate125(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
  let vErrors = null;
  let errors = 0;
  const evaluated0 = validate125.evaluated;
  if(evaluated0.dynamicProps){
  evaluated0.props = undefined;
  }
  if(evaluated0.dynamicItems){
  evaluated0.items = undefined;
  }
  if(data && typeof data == "object" && !Array.isArray(data)){
  if(data.id === undefined){
  const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "id"},message:"must have required property '"+"id"+"'",schema:schema98.required,parentSchema:schema98,data};
  if(vErrors === null){
  vErrors = [err0];
  }
  else {
  vErrors.push(err0);
  }
  errors++;
  }
  if(data.label === undefined){
  const err1 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "label"},message:"must have required property '"+"label"+"'",schema:schema98.required,parentSchema:schema98,data};
  if(vErrors === null){
  vErrors = [err1];
  }
  else {
  vErrors.push(err1);
  }
  errors++;
  }
  if(data.score === undefined){
  const err2 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "score"},message:"must have required property '"+"score"+"'",schema:schema98.required,parentSchema:schema98,data};
  if(vErrors === null){
  vErrors = [err2];
  }
  else {
  vErrors.push(err2);
  }
  errors++;
  }
  for(const key0 in data){
  if(!((((key0 === "id") || (key0 === "label")) || (key0 === "score")) || (key0 === "code"))){
  const err3 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties",schema:false,parentSchema:schema98,data};
  if(vErrors === null){
  vErrors = [err3];
  }
  else {
  vErrors.push(err3);
  }
  errors++;
  }
  }
  if(data.id !== undefined){
  let data0 = data.id;
  if(typeof data0 === "string"){
  if(!pattern8.test(data0)){
  const err4 = {instancePath:instancePath+"/id",schemaPath:"common.schema.json#/$defs/Id/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z][A-Za-z0-9_.-]{0,63}$"},message:"must match pattern \""+"^[A-Za-z][A-Za-z0-9_.-]{0,63}$"+"\"",schema:"^[A-Za-z][A-Za-z0-9_.-]{0,63}$",parentSchema:schema39,data:data0};
  if(vErrors === null){
  vErrors = [err4];
  }
  else {
  vErrors.push(err4);
  }
  errors++;
  }
  }
  else {
  const err5 = {instancePath:instancePath+"/id",schemaPath:"common.schema.json#/$defs/Id/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema39.type,parentSchema:schema39,data:data0};
  if(vErrors === null){
  vErrors = [err5];
  }
  else {
  vErrors.push(err5);
  }
  errors++;
  }
  }
  if(data.label !== undefined){
  if(!(validate122(data.label, {instancePath:instancePath+"/label",parentData:data,parentDataProperty:"label",rootData,dynamicAnchors}))){
  vErrors = vErrors === null ? validate122.errors : vErrors.concat(validate122.errors);
  errors = vErrors.length;
  }
  }
  if(data.score !== undefined){
  let data2 = data.score;
  if(!((typeof data2 == "number") && (isFinite(data2)))){
  const err6 = {instancePath:instancePath+"/score",schemaPath:"#/properties/score/type",keyword:"type",params:{type: "number"},message:"must be number",schema:schema98.properties.score.type,parentSchema:schema98.properties.score,data:data2};
  if(vErrors === null){
  vErrors = [err6];
  }
  else {
  vErrors.push(err6);
  }
  errors++;
  }
  }
  if(data.code !== undefined){
  let data3 = data.code;
  if(typeof data3 === "string"){
  if(func2(data3) > 40){
  const err7 = {instancePath:instancePath+"/code",schemaPath:"#/properties/code/maxLength",keyword:"maxLength",params:{limit: 40},message:"must NOT have more than 40 characters",schema:40,parentSchema:schema98.properties.code,data:data3};
  if(vErrors === null){
  vErrors = [err7];
  }
  else {
  vErrors.push(err7);
  }
  errors++;
  }
  }
  else {
  const err8 = {instancePath:instancePath+"/code",schemaPath:"#/properties/code/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema98.properties.code.type,parentSchema:schema98.properties.code,data:data3};
  if(vErrors === null){
  vErrors = [err8];
  }
  else {
  vErrors.push(err8);
  }
  errors++;
  }
  }
  }
  else {
  const err9 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema98.type,parentSchema:schema98,data};
  if(vErrors === null){
  vErrors = [err9];
  }
  else {
  vErrors.push(err9);
  }
  errors++;
  }
  validate125.errors = vErrors;
  return errors === 0;
  }
  validate125.evaluated = {"props":true,"dynamicProps":false,"dynamicItems":false};

  const schema100 = careloomRuntime.schemaFiles["instrument.schema.json"].$defs.InstrumentItem;

  function validate128(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
  let vErrors = null;
  let errors = 0;
  const evaluated0 = validate128.evaluated;
  if(evaluated0.dynamicProps){
  evaluated0.props = undefined;
  }
  if(evaluated0.dynamicItems){
  evaluated0.items = undefined;
  }
  if(data && typeof data == "object" && !Array.isArray(data)){
  if(data.id === undefined){
  const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "id"},message:"must have required property '"+"id"+"'",schema:schema100.required,parentSchema:schema100,data};
  if(vErrors === null){
  vErrors = [err0];
  }
  else {
  vErrors.push(err0);
  }
  errors++;
  }
  if(data.text === undefined){
  const err1 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "text"},message:"must have required property '"+"text"+"'",schema:schema100.required,parentSchema:schema100,data};
  if(vErrors === null){
  vErrors = [err1];
  }
  else {
  vErrors.push(err1);
  }
  errors++;
  }
  for(const key0 in data){
  if(!(((((((key0 === "id") || (key0 === "text")) || (key0 === "code")) || (key0 === "options")) || (key0 === "reversed")) || (key0 === "scored")) || (key0 === "required"))){
  const err2 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties",schema:false,parentSchema:schema100,data};
  if(vErrors === null){
  vErrors = [err2];
  }
  else {
  vErrors.push(err2);
  }
  errors++;
  }
  }
  if(data.id !== undefined){
  let data0 = data.id;
  if(typeof data0 === "string"){
  if(!pattern8.test(data0)){
  const err3 = {instancePath:instancePath+"/id",schemaPath:"common.schema.json#/$defs/Id/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z][A-Za-z0-9_.-]{0,63}$"},message:"must match pattern \""+"^[A-Za-z][A-Za-z0-9_.-]{0,63}$"+"\"",schema:"^[A-Za-z][A-Za-z0-9_.-]{0,63}$",parentSchema:schema39,data:data0};
  if(vErrors === null){
  vErrors = [err3];
  }
  else {
  vErrors.push(err3);
  }
  errors++;
  }
  }
  else {
  const err4 = {instancePath:instancePath+"/id",schemaPath:"common.schema.json#/$defs/Id/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema39.type,parentSchema:schema39,data:data0};
  if(vErrors === null){
  vErrors = [err4];
  }
  else {
  vErrors.push(err4);
  }
  errors++;
  }
  }
  if(data.text !== undefined){
  if(!(validate122(data.text, {instancePath:instancePath+"/text",parentData:data,parentDataProperty:"text",rootData,dynamicAnchors}))){
  vErrors = vErrors === null ? validate122.errors : vErrors.concat(validate122.errors);
  errors = vErrors.length;
  }
  }
  if(data.code !== undefined){
  let data2 = data.code;
  if(typeof data2 === "string"){
  if(func2(data2) > 40){
  const err5 = {instancePath:instancePath+"/code",schemaPath:"#/properties/code/maxLength",keyword:"maxLength",params:{limit: 40},message:"must NOT have more than 40 characters",schema:40,parentSchema:schema100.properties.code,data:data2};
  if(vErrors === null){
  vErrors = [err5];
  }
  else {
  vErrors.push(err5);
  }
  errors++;
  }
  }
  else {
  const err6 = {instancePath:instancePath+"/code",schemaPath:"#/properties/code/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema100.properties.code.type,parentSchema:schema100.properties.code,data:data2};
  if(vErrors === null){
  vErrors = [err6];
  }
  else {
  vErrors.push(err6);
  }
  errors++;
  }
  }
  if(data.options !== undefined){
  let data3 = data.options;
  if(Array.isArray(data3)){
  if(data3.length < 2){
  const err7 = {instancePath:instancePath+"/options",schemaPath:"#/properties/options/minItems",keyword:"minItems",params:{limit: 2},message:"must NOT have fewer than 2 items",schema:2,parentSchema:schema100.properties.options,data:data3};
  if(vErrors === null){
  vErrors = [err7];
  }
  else {
  vErrors.push(err7);
  }
  errors++;
  }
  const len0 = data3.length;
  for(let i0=0; i0<len0; i0++){
  if(!(validate125(data3[i0], {instancePath:instancePath+"/options/" + i0,parentData:data3,parentDataProperty:i0,rootData,dynamicAnchors}))){
  vErrors = vErrors === null ? validate125.errors : vErrors.concat(validate125.errors);
  errors = vErrors.length;
  }
  }
  }
  else {
  const err8 = {instancePath:instancePath+"/options",schemaPath:"#/properties/options/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema100.properties.options.type,parentSchema:schema100.properties.options,data:data3};
  if(vErrors === null){
  vErrors = [err8];
  }
  else {
  vErrors.push(err8);
  }
  errors++;
  }
  }
  if(data.reversed !== undefined){
  let data5 = data.reversed;
  if(typeof data5 !== "boolean"){
  const err9 = {instancePath:instancePath+"/reversed",schemaPath:"#/properties/reversed/type",keyword:"type",params:{type: "boolean"},message:"must be boolean",schema:schema100.properties.reversed.type,parentSchema:schema100.properties.reversed,data:data5};
  if(vErrors === null){
  vErrors = [err9];
  }
  else {
  vErrors.push(err9);
  }
  errors++;
  }
  }
  if(data.scored !== undefined){
  let data6 = data.scored;
  if(typeof data6 !== "boolean"){
  const err10 = {instancePath:instancePath+"/scored",schemaPath:"#/properties/scored/type",keyword:"type",params:{type: "boolean"},message:"must be boolean",schema:schema100.properties.scored.type,parentSchema:schema100.properties.scored,data:data6};
  if(vErrors === null){
  vErrors = [err10];
  }
  else {
  vErrors.push(err10);
  }
  errors++;
  }
  }
  if(data.required !== undefined){
  let data7 = data.required;
  if(typeof data7 !== "boolean"){
  const err11 = {instancePath:instancePath+"/required",schemaPath:"#/properties/required/type",keyword:"type",params:{type: "boolean"},message:"must be boolean",schema:schema100.properties.required.type,parentSchema:schema100.properties.required,data:data7};
  if(vErrors === null){
  vErrors = [err11];
  }
  else {
  vErrors.push(err11);
  }
  errors++;
  }
  }
  }
  else {
  const err12 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema100.type,parentSchema:schema100,data};
  if(vErrors === null){
  vErrors = [err12];
  }
  else {
  vErrors.push(err12);
  }
  errors++;
  }
  validate128.errors = vErrors;
  return errors === 0;
  }
  validate128.evaluated = {"props":true,"dynamicProps":false,"dynamicItems":false};

  const schema102 = careloomRuntime.schemaFiles["instrument.schema.json"].$defs.Scoring;
  const schema108 = careloomRuntime.schemaFiles["instrument.schema.json"].$defs.MissingRule;
  const schema121 = careloomRuntime.schemaFiles["instrument.schema.json"].$defs.ReliableChange;
  const schema103 = careloomRuntime.schemaFiles["instrument.schema.json"].$defs.ScoreDefinition;

  function validate133(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
  let vErrors = null;
  let errors = 0;
  const evaluated0 = validate133.evaluated;
  if(evaluated0.dynamicProps){
  evaluated0.props = undefined;
  }
  if(evaluated0.dynamicItems){
  evaluated0.items = undefined;
  }
  if(data && typeof data == "object" && !Array.isArray(data)){
  if(data.method === undefined){
  const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "method"},message:"must have required property '"+"method"+"'",schema:schema103.required,parentSchema:schema103,data};
  if(vErrors === null){
  vErrors = [err0];
  }
  else {
  vErrors.push(err0);
  }
  errors++;
  }
  for(const key0 in data){
  if(!((((key0 === "method") || (key0 === "items")) || (key0 === "decimals")) || (key0 === "code"))){
  const err1 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties",schema:false,parentSchema:schema103,data};
  if(vErrors === null){
  vErrors = [err1];
  }
  else {
  vErrors.push(err1);
  }
  errors++;
  }
  }
  if(data.method !== undefined){
  let data0 = data.method;
  if(!((data0 === "sum") || (data0 === "mean"))){
  const err2 = {instancePath:instancePath+"/method",schemaPath:"#/properties/method/enum",keyword:"enum",params:{allowedValues: schema103.properties.method.enum},message:"must be equal to one of the allowed values",schema:schema103.properties.method.enum,parentSchema:schema103.properties.method,data:data0};
  if(vErrors === null){
  vErrors = [err2];
  }
  else {
  vErrors.push(err2);
  }
  errors++;
  }
  }
  if(data.items !== undefined){
  let data1 = data.items;
  if(Array.isArray(data1)){
  if(data1.length < 1){
  const err3 = {instancePath:instancePath+"/items",schemaPath:"#/properties/items/minItems",keyword:"minItems",params:{limit: 1},message:"must NOT have fewer than 1 items",schema:1,parentSchema:schema103.properties.items,data:data1};
  if(vErrors === null){
  vErrors = [err3];
  }
  else {
  vErrors.push(err3);
  }
  errors++;
  }
  const len0 = data1.length;
  for(let i0=0; i0<len0; i0++){
  let data2 = data1[i0];
  if(typeof data2 === "string"){
  if(!pattern8.test(data2)){
  const err4 = {instancePath:instancePath+"/items/" + i0,schemaPath:"common.schema.json#/$defs/Id/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z][A-Za-z0-9_.-]{0,63}$"},message:"must match pattern \""+"^[A-Za-z][A-Za-z0-9_.-]{0,63}$"+"\"",schema:"^[A-Za-z][A-Za-z0-9_.-]{0,63}$",parentSchema:schema39,data:data2};
  if(vErrors === null){
  vErrors = [err4];
  }
  else {
  vErrors.push(err4);
  }
  errors++;
  }
  }
  else {
  const err5 = {instancePath:instancePath+"/items/" + i0,schemaPath:"common.schema.json#/$defs/Id/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema39.type,parentSchema:schema39,data:data2};
  if(vErrors === null){
  vErrors = [err5];
  }
  else {
  vErrors.push(err5);
  }
  errors++;
  }
  }
  let i1 = data1.length;
  let j0;
  if(i1 > 1){
  outer0:
  for(;i1--;){
  for(j0 = i1; j0--;){
  if(func0(data1[i1], data1[j0])){
  const err6 = {instancePath:instancePath+"/items",schemaPath:"#/properties/items/uniqueItems",keyword:"uniqueItems",params:{i: i1, j: j0},message:"must NOT have duplicate items (items ## "+j0+" and "+i1+" are identical)",schema:true,parentSchema:schema103.properties.items,data:data1};
  if(vErrors === null){
  vErrors = [err6];
  }
  else {
  vErrors.push(err6);
  }
  errors++;
  break outer0;
  }
  }
  }
  }
  }
  else {
  const err7 = {instancePath:instancePath+"/items",schemaPath:"#/properties/items/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema103.properties.items.type,parentSchema:schema103.properties.items,data:data1};
  if(vErrors === null){
  vErrors = [err7];
  }
  else {
  vErrors.push(err7);
  }
  errors++;
  }
  }
  if(data.decimals !== undefined){
  let data3 = data.decimals;
  if(!(((typeof data3 == "number") && (!(data3 % 1) && !isNaN(data3))) && (isFinite(data3)))){
  const err8 = {instancePath:instancePath+"/decimals",schemaPath:"#/properties/decimals/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema103.properties.decimals.type,parentSchema:schema103.properties.decimals,data:data3};
  if(vErrors === null){
  vErrors = [err8];
  }
  else {
  vErrors.push(err8);
  }
  errors++;
  }
  if((typeof data3 == "number") && (isFinite(data3))){
  if(data3 > 4 || isNaN(data3)){
  const err9 = {instancePath:instancePath+"/decimals",schemaPath:"#/properties/decimals/maximum",keyword:"maximum",params:{comparison: "<=", limit: 4},message:"must be <= 4",schema:4,parentSchema:schema103.properties.decimals,data:data3};
  if(vErrors === null){
  vErrors = [err9];
  }
  else {
  vErrors.push(err9);
  }
  errors++;
  }
  if(data3 < 0 || isNaN(data3)){
  const err10 = {instancePath:instancePath+"/decimals",schemaPath:"#/properties/decimals/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema103.properties.decimals,data:data3};
  if(vErrors === null){
  vErrors = [err10];
  }
  else {
  vErrors.push(err10);
  }
  errors++;
  }
  }
  }
  if(data.code !== undefined){
  let data4 = data.code;
  if(typeof data4 === "string"){
  if(func2(data4) > 40){
  const err11 = {instancePath:instancePath+"/code",schemaPath:"#/properties/code/maxLength",keyword:"maxLength",params:{limit: 40},message:"must NOT have more than 40 characters",schema:40,parentSchema:schema103.properties.code,data:data4};
  if(vErrors === null){
  vErrors = [err11];
  }
  else {
  vErrors.push(err11);
  }
  errors++;
  }
  }
  else {
  const err12 = {instancePath:instancePath+"/code",schemaPath:"#/properties/code/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema103.properties.code.type,parentSchema:schema103.properties.code,data:data4};
  if(vErrors === null){
  vErrors = [err12];
  }
  else {
  vErrors.push(err12);
  }
  errors++;
  }
  }
  }
  else {
  const err13 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema103.type,parentSchema:schema103,data};
  if(vErrors === null){
  vErrors = [err13];
  }
  else {
  vErrors.push(err13);
  }
  errors++;
  }
  validate133.errors = vErrors;
  return errors === 0;
  }
  validate133.evaluated = {"props":true,"dynamicProps":false,"dynamicItems":false};

  const schema105 = careloomRuntime.schemaFiles["instrument.schema.json"].$defs.Subscale;

  function validate135(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
  let vErrors = null;
  let errors = 0;
  const evaluated0 = validate135.evaluated;
  if(evaluated0.dynamicProps){
  evaluated0.props = undefined;
  }
  if(evaluated0.dynamicItems){
  evaluated0.items = undefined;
  }
  if(data && typeof data == "object" && !Array.isArray(data)){
  if(data.id === undefined){
  const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "id"},message:"must have required property '"+"id"+"'",schema:schema105.required,parentSchema:schema105,data};
  if(vErrors === null){
  vErrors = [err0];
  }
  else {
  vErrors.push(err0);
  }
  errors++;
  }
  if(data.name === undefined){
  const err1 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "name"},message:"must have required property '"+"name"+"'",schema:schema105.required,parentSchema:schema105,data};
  if(vErrors === null){
  vErrors = [err1];
  }
  else {
  vErrors.push(err1);
  }
  errors++;
  }
  if(data.method === undefined){
  const err2 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "method"},message:"must have required property '"+"method"+"'",schema:schema105.required,parentSchema:schema105,data};
  if(vErrors === null){
  vErrors = [err2];
  }
  else {
  vErrors.push(err2);
  }
  errors++;
  }
  if(data.items === undefined){
  const err3 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "items"},message:"must have required property '"+"items"+"'",schema:schema105.required,parentSchema:schema105,data};
  if(vErrors === null){
  vErrors = [err3];
  }
  else {
  vErrors.push(err3);
  }
  errors++;
  }
  for(const key0 in data){
  if(!((((((key0 === "id") || (key0 === "name")) || (key0 === "method")) || (key0 === "items")) || (key0 === "decimals")) || (key0 === "maxMissing"))){
  const err4 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties",schema:false,parentSchema:schema105,data};
  if(vErrors === null){
  vErrors = [err4];
  }
  else {
  vErrors.push(err4);
  }
  errors++;
  }
  }
  if(data.id !== undefined){
  let data0 = data.id;
  if(typeof data0 === "string"){
  if(!pattern8.test(data0)){
  const err5 = {instancePath:instancePath+"/id",schemaPath:"common.schema.json#/$defs/Id/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z][A-Za-z0-9_.-]{0,63}$"},message:"must match pattern \""+"^[A-Za-z][A-Za-z0-9_.-]{0,63}$"+"\"",schema:"^[A-Za-z][A-Za-z0-9_.-]{0,63}$",parentSchema:schema39,data:data0};
  if(vErrors === null){
  vErrors = [err5];
  }
  else {
  vErrors.push(err5);
  }
  errors++;
  }
  }
  else {
  const err6 = {instancePath:instancePath+"/id",schemaPath:"common.schema.json#/$defs/Id/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema39.type,parentSchema:schema39,data:data0};
  if(vErrors === null){
  vErrors = [err6];
  }
  else {
  vErrors.push(err6);
  }
  errors++;
  }
  }
  if(data.name !== undefined){
  if(!(validate122(data.name, {instancePath:instancePath+"/name",parentData:data,parentDataProperty:"name",rootData,dynamicAnchors}))){
  vErrors = vErrors === null ? validate122.errors : vErrors.concat(validate122.errors);
  errors = vErrors.length;
  }
  }
  if(data.method !== undefined){
  let data2 = data.method;
  if(!((data2 === "sum") || (data2 === "mean"))){
  const err7 = {instancePath:instancePath+"/method",schemaPath:"#/properties/method/enum",keyword:"enum",params:{allowedValues: schema105.properties.method.enum},message:"must be equal to one of the allowed values",schema:schema105.properties.method.enum,parentSchema:schema105.properties.method,data:data2};
  if(vErrors === null){
  vErrors = [err7];
  }
  else {
  vErrors.push(err7);
  }
  errors++;
  }
  }
  if(data.items !== undefined){
  let data3 = data.items;
  if(Array.isArray(data3)){
  if(data3.length < 1){
  const err8 = {instancePath:instancePath+"/items",schemaPath:"#/properties/items/minItems",keyword:"minItems",params:{limit: 1},message:"must NOT have fewer than 1 items",schema:1,parentSchema:schema105.properties.items,data:data3};
  if(vErrors === null){
  vErrors = [err8];
  }
  else {
  vErrors.push(err8);
  }
  errors++;
  }
  const len0 = data3.length;
  for(let i0=0; i0<len0; i0++){
  let data4 = data3[i0];
  if(typeof data4 === "string"){
  if(!pattern8.test(data4)){
  const err9 = {instancePath:instancePath+"/items/" + i0,schemaPath:"common.schema.json#/$defs/Id/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z][A-Za-z0-9_.-]{0,63}$"},message:"must match pattern \""+"^[A-Za-z][A-Za-z0-9_.-]{0,63}$"+"\"",schema:"^[A-Za-z][A-Za-z0-9_.-]{0,63}$",parentSchema:schema39,data:data4};
  if(vErrors === null){
  vErrors = [err9];
  }
  else {
  vErrors.push(err9);
  }
  errors++;
  }
  }
  else {
  const err10 = {instancePath:instancePath+"/items/" + i0,schemaPath:"common.schema.json#/$defs/Id/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema39.type,parentSchema:schema39,data:data4};
  if(vErrors === null){
  vErrors = [err10];
  }
  else {
  vErrors.push(err10);
  }
  errors++;
  }
  }
  let i1 = data3.length;
  let j0;
  if(i1 > 1){
  outer0:
  for(;i1--;){
  for(j0 = i1; j0--;){
  if(func0(data3[i1], data3[j0])){
  const err11 = {instancePath:instancePath+"/items",schemaPath:"#/properties/items/uniqueItems",keyword:"uniqueItems",params:{i: i1, j: j0},message:"must NOT have duplicate items (items ## "+j0+" and "+i1+" are identical)",schema:true,parentSchema:schema105.properties.items,data:data3};
  if(vErrors === null){
  vErrors = [err11];
  }
  else {
  vErrors.push(err11);
  }
  errors++;
  break outer0;
  }
  }
  }
  }
  }
  else {
  const err12 = {instancePath:instancePath+"/items",schemaPath:"#/properties/items/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema105.properties.items.type,parentSchema:schema105.properties.items,data:data3};
  if(vErrors === null){
  vErrors = [err12];
  }
  else {
  vErrors.push(err12);
  }
  errors++;
  }
  }
  if(data.decimals !== undefined){
  let data5 = data.decimals;
  if(!(((typeof data5 == "number") && (!(data5 % 1) && !isNaN(data5))) && (isFinite(data5)))){
  const err13 = {instancePath:instancePath+"/decimals",schemaPath:"#/properties/decimals/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema105.properties.decimals.type,parentSchema:schema105.properties.decimals,data:data5};
  if(vErrors === null){
  vErrors = [err13];
  }
  else {
  vErrors.push(err13);
  }
  errors++;
  }
  if((typeof data5 == "number") && (isFinite(data5))){
  if(data5 > 4 || isNaN(data5)){
  const err14 = {instancePath:instancePath+"/decimals",schemaPath:"#/properties/decimals/maximum",keyword:"maximum",params:{comparison: "<=", limit: 4},message:"must be <= 4",schema:4,parentSchema:schema105.properties.decimals,data:data5};
  if(vErrors === null){
  vErrors = [err14];
  }
  else {
  vErrors.push(err14);
  }
  errors++;
  }
  if(data5 < 0 || isNaN(data5)){
  const err15 = {instancePath:instancePath+"/decimals",schemaPath:"#/properties/decimals/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema105.properties.decimals,data:data5};
  if(vErrors === null){
  vErrors = [err15];
  }
  else {
  vErrors.push(err15);
  }
  errors++;
  }
  }
  }
  if(data.maxMissing !== undefined){
  let data6 = data.maxMissing;
  if(!(((typeof data6 == "number") && (!(data6 % 1) && !isNaN(data6))) && (isFinite(data6)))){
  const err16 = {instancePath:instancePath+"/maxMissing",schemaPath:"#/properties/maxMissing/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema105.properties.maxMissing.type,parentSchema:schema105.properties.maxMissing,data:data6};
  if(vErrors === null){
  vErrors = [err16];
  }
  else {
  vErrors.push(err16);
  }
  errors++;
  }
  if((typeof data6 == "number") && (isFinite(data6))){
  if(data6 < 0 || isNaN(data6)){
  const err17 = {instancePath:instancePath+"/maxMissing",schemaPath:"#/properties/maxMissing/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema105.properties.maxMissing,data:data6};
  if(vErrors === null){
  vErrors = [err17];
  }
  else {
  vErrors.push(err17);
  }
  errors++;
  }
  }
  }
  }
  else {
  const err18 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema105.type,parentSchema:schema105,data};
  if(vErrors === null){
  vErrors = [err18];
  }
  else {
  vErrors.push(err18);
  }
  errors++;
  }
  validate135.errors = vErrors;
  return errors === 0;
  }
  validate135.evaluated = {"props":true,"dynamicProps":false,"dynamicItems":false};

  const schema109 = careloomRuntime.schemaFiles["instrument.schema.json"].$defs.Band;

  function validate138(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
  let vErrors = null;
  let errors = 0;
  const evaluated0 = validate138.evaluated;
  if(evaluated0.dynamicProps){
  evaluated0.props = undefined;
  }
  if(evaluated0.dynamicItems){
  evaluated0.items = undefined;
  }
  if(data && typeof data == "object" && !Array.isArray(data)){
  if(data.id === undefined){
  const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "id"},message:"must have required property '"+"id"+"'",schema:schema109.required,parentSchema:schema109,data};
  if(vErrors === null){
  vErrors = [err0];
  }
  else {
  vErrors.push(err0);
  }
  errors++;
  }
  if(data.min === undefined){
  const err1 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "min"},message:"must have required property '"+"min"+"'",schema:schema109.required,parentSchema:schema109,data};
  if(vErrors === null){
  vErrors = [err1];
  }
  else {
  vErrors.push(err1);
  }
  errors++;
  }
  if(data.max === undefined){
  const err2 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "max"},message:"must have required property '"+"max"+"'",schema:schema109.required,parentSchema:schema109,data};
  if(vErrors === null){
  vErrors = [err2];
  }
  else {
  vErrors.push(err2);
  }
  errors++;
  }
  if(data.label === undefined){
  const err3 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "label"},message:"must have required property '"+"label"+"'",schema:schema109.required,parentSchema:schema109,data};
  if(vErrors === null){
  vErrors = [err3];
  }
  else {
  vErrors.push(err3);
  }
  errors++;
  }
  for(const key0 in data){
  if(!(((((key0 === "id") || (key0 === "min")) || (key0 === "max")) || (key0 === "label")) || (key0 === "level"))){
  const err4 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties",schema:false,parentSchema:schema109,data};
  if(vErrors === null){
  vErrors = [err4];
  }
  else {
  vErrors.push(err4);
  }
  errors++;
  }
  }
  if(data.id !== undefined){
  let data0 = data.id;
  if(typeof data0 === "string"){
  if(!pattern8.test(data0)){
  const err5 = {instancePath:instancePath+"/id",schemaPath:"common.schema.json#/$defs/Id/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z][A-Za-z0-9_.-]{0,63}$"},message:"must match pattern \""+"^[A-Za-z][A-Za-z0-9_.-]{0,63}$"+"\"",schema:"^[A-Za-z][A-Za-z0-9_.-]{0,63}$",parentSchema:schema39,data:data0};
  if(vErrors === null){
  vErrors = [err5];
  }
  else {
  vErrors.push(err5);
  }
  errors++;
  }
  }
  else {
  const err6 = {instancePath:instancePath+"/id",schemaPath:"common.schema.json#/$defs/Id/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema39.type,parentSchema:schema39,data:data0};
  if(vErrors === null){
  vErrors = [err6];
  }
  else {
  vErrors.push(err6);
  }
  errors++;
  }
  }
  if(data.min !== undefined){
  let data1 = data.min;
  if(!((typeof data1 == "number") && (isFinite(data1)))){
  const err7 = {instancePath:instancePath+"/min",schemaPath:"#/properties/min/type",keyword:"type",params:{type: "number"},message:"must be number",schema:schema109.properties.min.type,parentSchema:schema109.properties.min,data:data1};
  if(vErrors === null){
  vErrors = [err7];
  }
  else {
  vErrors.push(err7);
  }
  errors++;
  }
  }
  if(data.max !== undefined){
  let data2 = data.max;
  if(!((typeof data2 == "number") && (isFinite(data2)))){
  const err8 = {instancePath:instancePath+"/max",schemaPath:"#/properties/max/type",keyword:"type",params:{type: "number"},message:"must be number",schema:schema109.properties.max.type,parentSchema:schema109.properties.max,data:data2};
  if(vErrors === null){
  vErrors = [err8];
  }
  else {
  vErrors.push(err8);
  }
  errors++;
  }
  }
  if(data.label !== undefined){
  if(!(validate122(data.label, {instancePath:instancePath+"/label",parentData:data,parentDataProperty:"label",rootData,dynamicAnchors}))){
  vErrors = vErrors === null ? validate122.errors : vErrors.concat(validate122.errors);
  errors = vErrors.length;
  }
  }
  if(data.level !== undefined){
  let data4 = data.level;
  if(!(((typeof data4 == "number") && (!(data4 % 1) && !isNaN(data4))) && (isFinite(data4)))){
  const err9 = {instancePath:instancePath+"/level",schemaPath:"#/properties/level/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema109.properties.level.type,parentSchema:schema109.properties.level,data:data4};
  if(vErrors === null){
  vErrors = [err9];
  }
  else {
  vErrors.push(err9);
  }
  errors++;
  }
  if((typeof data4 == "number") && (isFinite(data4))){
  if(data4 > 4 || isNaN(data4)){
  const err10 = {instancePath:instancePath+"/level",schemaPath:"#/properties/level/maximum",keyword:"maximum",params:{comparison: "<=", limit: 4},message:"must be <= 4",schema:4,parentSchema:schema109.properties.level,data:data4};
  if(vErrors === null){
  vErrors = [err10];
  }
  else {
  vErrors.push(err10);
  }
  errors++;
  }
  if(data4 < 0 || isNaN(data4)){
  const err11 = {instancePath:instancePath+"/level",schemaPath:"#/properties/level/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema109.properties.level,data:data4};
  if(vErrors === null){
  vErrors = [err11];
  }
  else {
  vErrors.push(err11);
  }
  errors++;
  }
  }
  }
  }
  else {
  const err12 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema109.type,parentSchema:schema109,data};
  if(vErrors === null){
  vErrors = [err12];
  }
  else {
  vErrors.push(err12);
  }
  errors++;
  }
  validate138.errors = vErrors;
  return errors === 0;
  }
  validate138.evaluated = {"props":true,"dynamicProps":false,"dynamicItems":false};

  const schema111 = careloomRuntime.schemaFiles["instrument.schema.json"].$defs.AlertRule;
  const schema120 = careloomRuntime.schemaFiles["instrument.schema.json"].$defs.AlertResponse;
  const schema113 = careloomRuntime.schemaFiles["instrument.schema.json"].$defs.ScoreTest;
  const schema114 = careloomRuntime.schemaFiles["instrument.schema.json"].$defs.NumericOp;

  function validate143(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
  let vErrors = null;
  let errors = 0;
  const evaluated0 = validate143.evaluated;
  if(evaluated0.dynamicProps){
  evaluated0.props = undefined;
  }
  if(evaluated0.dynamicItems){
  evaluated0.items = undefined;
  }
  if(data && typeof data == "object" && !Array.isArray(data)){
  if(data.of === undefined){
  const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "of"},message:"must have required property '"+"of"+"'",schema:schema113.required,parentSchema:schema113,data};
  if(vErrors === null){
  vErrors = [err0];
  }
  else {
  vErrors.push(err0);
  }
  errors++;
  }
  const tag0 = data.of;
  if(typeof tag0 == "string"){
  if(tag0 === "total"){
  if(data && typeof data == "object" && !Array.isArray(data)){
  if(data.of === undefined){
  const err1 = {instancePath,schemaPath:"#/oneOf/0/required",keyword:"required",params:{missingProperty: "of"},message:"must have required property '"+"of"+"'",schema:schema113.oneOf[0].required,parentSchema:schema113.oneOf[0],data};
  if(vErrors === null){
  vErrors = [err1];
  }
  else {
  vErrors.push(err1);
  }
  errors++;
  }
  if(data.op === undefined){
  const err2 = {instancePath,schemaPath:"#/oneOf/0/required",keyword:"required",params:{missingProperty: "op"},message:"must have required property '"+"op"+"'",schema:schema113.oneOf[0].required,parentSchema:schema113.oneOf[0],data};
  if(vErrors === null){
  vErrors = [err2];
  }
  else {
  vErrors.push(err2);
  }
  errors++;
  }
  if(data.value === undefined){
  const err3 = {instancePath,schemaPath:"#/oneOf/0/required",keyword:"required",params:{missingProperty: "value"},message:"must have required property '"+"value"+"'",schema:schema113.oneOf[0].required,parentSchema:schema113.oneOf[0],data};
  if(vErrors === null){
  vErrors = [err3];
  }
  else {
  vErrors.push(err3);
  }
  errors++;
  }
  for(const key0 in data){
  if(!(((key0 === "of") || (key0 === "op")) || (key0 === "value"))){
  const err4 = {instancePath,schemaPath:"#/oneOf/0/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties",schema:false,parentSchema:schema113.oneOf[0],data};
  if(vErrors === null){
  vErrors = [err4];
  }
  else {
  vErrors.push(err4);
  }
  errors++;
  }
  }
  if(data.of !== undefined){
  let data0 = data.of;
  if("total" !== data0){
  const err5 = {instancePath:instancePath+"/of",schemaPath:"#/oneOf/0/properties/of/const",keyword:"const",params:{allowedValue: "total"},message:"must be equal to constant",schema:"total",parentSchema:schema113.oneOf[0].properties.of,data:data0};
  if(vErrors === null){
  vErrors = [err5];
  }
  else {
  vErrors.push(err5);
  }
  errors++;
  }
  }
  if(data.op !== undefined){
  let data1 = data.op;
  if(!((((((data1 === "eq") || (data1 === "ne")) || (data1 === "gt")) || (data1 === "gte")) || (data1 === "lt")) || (data1 === "lte"))){
  const err6 = {instancePath:instancePath+"/op",schemaPath:"#/$defs/NumericOp/enum",keyword:"enum",params:{allowedValues: schema114.enum},message:"must be equal to one of the allowed values",schema:schema114.enum,parentSchema:schema114,data:data1};
  if(vErrors === null){
  vErrors = [err6];
  }
  else {
  vErrors.push(err6);
  }
  errors++;
  }
  }
  if(data.value !== undefined){
  let data2 = data.value;
  if(!((typeof data2 == "number") && (isFinite(data2)))){
  const err7 = {instancePath:instancePath+"/value",schemaPath:"#/oneOf/0/properties/value/type",keyword:"type",params:{type: "number"},message:"must be number",schema:schema113.oneOf[0].properties.value.type,parentSchema:schema113.oneOf[0].properties.value,data:data2};
  if(vErrors === null){
  vErrors = [err7];
  }
  else {
  vErrors.push(err7);
  }
  errors++;
  }
  }
  }
  else {
  const err8 = {instancePath,schemaPath:"#/oneOf/0/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema113.oneOf[0].type,parentSchema:schema113.oneOf[0],data};
  if(vErrors === null){
  vErrors = [err8];
  }
  else {
  vErrors.push(err8);
  }
  errors++;
  }
  var props0 = true;
  }
  else if(tag0 === "subscale"){
  if(data && typeof data == "object" && !Array.isArray(data)){
  if(data.of === undefined){
  const err9 = {instancePath,schemaPath:"#/oneOf/1/required",keyword:"required",params:{missingProperty: "of"},message:"must have required property '"+"of"+"'",schema:schema113.oneOf[1].required,parentSchema:schema113.oneOf[1],data};
  if(vErrors === null){
  vErrors = [err9];
  }
  else {
  vErrors.push(err9);
  }
  errors++;
  }
  if(data.subscale === undefined){
  const err10 = {instancePath,schemaPath:"#/oneOf/1/required",keyword:"required",params:{missingProperty: "subscale"},message:"must have required property '"+"subscale"+"'",schema:schema113.oneOf[1].required,parentSchema:schema113.oneOf[1],data};
  if(vErrors === null){
  vErrors = [err10];
  }
  else {
  vErrors.push(err10);
  }
  errors++;
  }
  if(data.op === undefined){
  const err11 = {instancePath,schemaPath:"#/oneOf/1/required",keyword:"required",params:{missingProperty: "op"},message:"must have required property '"+"op"+"'",schema:schema113.oneOf[1].required,parentSchema:schema113.oneOf[1],data};
  if(vErrors === null){
  vErrors = [err11];
  }
  else {
  vErrors.push(err11);
  }
  errors++;
  }
  if(data.value === undefined){
  const err12 = {instancePath,schemaPath:"#/oneOf/1/required",keyword:"required",params:{missingProperty: "value"},message:"must have required property '"+"value"+"'",schema:schema113.oneOf[1].required,parentSchema:schema113.oneOf[1],data};
  if(vErrors === null){
  vErrors = [err12];
  }
  else {
  vErrors.push(err12);
  }
  errors++;
  }
  for(const key1 in data){
  if(!((((key1 === "of") || (key1 === "subscale")) || (key1 === "op")) || (key1 === "value"))){
  const err13 = {instancePath,schemaPath:"#/oneOf/1/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key1},message:"must NOT have additional properties",schema:false,parentSchema:schema113.oneOf[1],data};
  if(vErrors === null){
  vErrors = [err13];
  }
  else {
  vErrors.push(err13);
  }
  errors++;
  }
  }
  if(data.of !== undefined){
  let data3 = data.of;
  if("subscale" !== data3){
  const err14 = {instancePath:instancePath+"/of",schemaPath:"#/oneOf/1/properties/of/const",keyword:"const",params:{allowedValue: "subscale"},message:"must be equal to constant",schema:"subscale",parentSchema:schema113.oneOf[1].properties.of,data:data3};
  if(vErrors === null){
  vErrors = [err14];
  }
  else {
  vErrors.push(err14);
  }
  errors++;
  }
  }
  if(data.subscale !== undefined){
  let data4 = data.subscale;
  if(typeof data4 === "string"){
  if(!pattern8.test(data4)){
  const err15 = {instancePath:instancePath+"/subscale",schemaPath:"common.schema.json#/$defs/Id/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z][A-Za-z0-9_.-]{0,63}$"},message:"must match pattern \""+"^[A-Za-z][A-Za-z0-9_.-]{0,63}$"+"\"",schema:"^[A-Za-z][A-Za-z0-9_.-]{0,63}$",parentSchema:schema39,data:data4};
  if(vErrors === null){
  vErrors = [err15];
  }
  else {
  vErrors.push(err15);
  }
  errors++;
  }
  }
  else {
  const err16 = {instancePath:instancePath+"/subscale",schemaPath:"common.schema.json#/$defs/Id/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema39.type,parentSchema:schema39,data:data4};
  if(vErrors === null){
  vErrors = [err16];
  }
  else {
  vErrors.push(err16);
  }
  errors++;
  }
  }
  if(data.op !== undefined){
  let data5 = data.op;
  if(!((((((data5 === "eq") || (data5 === "ne")) || (data5 === "gt")) || (data5 === "gte")) || (data5 === "lt")) || (data5 === "lte"))){
  const err17 = {instancePath:instancePath+"/op",schemaPath:"#/$defs/NumericOp/enum",keyword:"enum",params:{allowedValues: schema114.enum},message:"must be equal to one of the allowed values",schema:schema114.enum,parentSchema:schema114,data:data5};
  if(vErrors === null){
  vErrors = [err17];
  }
  else {
  vErrors.push(err17);
  }
  errors++;
  }
  }
  if(data.value !== undefined){
  let data6 = data.value;
  if(!((typeof data6 == "number") && (isFinite(data6)))){
  const err18 = {instancePath:instancePath+"/value",schemaPath:"#/oneOf/1/properties/value/type",keyword:"type",params:{type: "number"},message:"must be number",schema:schema113.oneOf[1].properties.value.type,parentSchema:schema113.oneOf[1].properties.value,data:data6};
  if(vErrors === null){
  vErrors = [err18];
  }
  else {
  vErrors.push(err18);
  }
  errors++;
  }
  }
  }
  else {
  const err19 = {instancePath,schemaPath:"#/oneOf/1/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema113.oneOf[1].type,parentSchema:schema113.oneOf[1],data};
  if(vErrors === null){
  vErrors = [err19];
  }
  else {
  vErrors.push(err19);
  }
  errors++;
  }
  if(props0 !== true){
  props0 = true;
  }
  }
  else if(tag0 === "item"){
  if(data && typeof data == "object" && !Array.isArray(data)){
  if(data.of === undefined){
  const err20 = {instancePath,schemaPath:"#/oneOf/2/required",keyword:"required",params:{missingProperty: "of"},message:"must have required property '"+"of"+"'",schema:schema113.oneOf[2].required,parentSchema:schema113.oneOf[2],data};
  if(vErrors === null){
  vErrors = [err20];
  }
  else {
  vErrors.push(err20);
  }
  errors++;
  }
  if(data.item === undefined){
  const err21 = {instancePath,schemaPath:"#/oneOf/2/required",keyword:"required",params:{missingProperty: "item"},message:"must have required property '"+"item"+"'",schema:schema113.oneOf[2].required,parentSchema:schema113.oneOf[2],data};
  if(vErrors === null){
  vErrors = [err21];
  }
  else {
  vErrors.push(err21);
  }
  errors++;
  }
  if(data.op === undefined){
  const err22 = {instancePath,schemaPath:"#/oneOf/2/required",keyword:"required",params:{missingProperty: "op"},message:"must have required property '"+"op"+"'",schema:schema113.oneOf[2].required,parentSchema:schema113.oneOf[2],data};
  if(vErrors === null){
  vErrors = [err22];
  }
  else {
  vErrors.push(err22);
  }
  errors++;
  }
  if(data.value === undefined){
  const err23 = {instancePath,schemaPath:"#/oneOf/2/required",keyword:"required",params:{missingProperty: "value"},message:"must have required property '"+"value"+"'",schema:schema113.oneOf[2].required,parentSchema:schema113.oneOf[2],data};
  if(vErrors === null){
  vErrors = [err23];
  }
  else {
  vErrors.push(err23);
  }
  errors++;
  }
  for(const key2 in data){
  if(!((((key2 === "of") || (key2 === "item")) || (key2 === "op")) || (key2 === "value"))){
  const err24 = {instancePath,schemaPath:"#/oneOf/2/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key2},message:"must NOT have additional properties",schema:false,parentSchema:schema113.oneOf[2],data};
  if(vErrors === null){
  vErrors = [err24];
  }
  else {
  vErrors.push(err24);
  }
  errors++;
  }
  }
  if(data.of !== undefined){
  let data7 = data.of;
  if("item" !== data7){
  const err25 = {instancePath:instancePath+"/of",schemaPath:"#/oneOf/2/properties/of/const",keyword:"const",params:{allowedValue: "item"},message:"must be equal to constant",schema:"item",parentSchema:schema113.oneOf[2].properties.of,data:data7};
  if(vErrors === null){
  vErrors = [err25];
  }
  else {
  vErrors.push(err25);
  }
  errors++;
  }
  }
  if(data.item !== undefined){
  let data8 = data.item;
  if(typeof data8 === "string"){
  if(!pattern8.test(data8)){
  const err26 = {instancePath:instancePath+"/item",schemaPath:"common.schema.json#/$defs/Id/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z][A-Za-z0-9_.-]{0,63}$"},message:"must match pattern \""+"^[A-Za-z][A-Za-z0-9_.-]{0,63}$"+"\"",schema:"^[A-Za-z][A-Za-z0-9_.-]{0,63}$",parentSchema:schema39,data:data8};
  if(vErrors === null){
  vErrors = [err26];
  }
  else {
  vErrors.push(err26);
  }
  errors++;
  }
  }
  else {
  const err27 = {instancePath:instancePath+"/item",schemaPath:"common.schema.json#/$defs/Id/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema39.type,parentSchema:schema39,data:data8};
  if(vErrors === null){
  vErrors = [err27];
  }
  else {
  vErrors.push(err27);
  }
  errors++;
  }
  }
  if(data.op !== undefined){
  let data9 = data.op;
  if(!((((((data9 === "eq") || (data9 === "ne")) || (data9 === "gt")) || (data9 === "gte")) || (data9 === "lt")) || (data9 === "lte"))){
  const err28 = {instancePath:instancePath+"/op",schemaPath:"#/$defs/NumericOp/enum",keyword:"enum",params:{allowedValues: schema114.enum},message:"must be equal to one of the allowed values",schema:schema114.enum,parentSchema:schema114,data:data9};
  if(vErrors === null){
  vErrors = [err28];
  }
  else {
  vErrors.push(err28);
  }
  errors++;
  }
  }
  if(data.value !== undefined){
  let data10 = data.value;
  if(!((typeof data10 == "number") && (isFinite(data10)))){
  const err29 = {instancePath:instancePath+"/value",schemaPath:"#/oneOf/2/properties/value/type",keyword:"type",params:{type: "number"},message:"must be number",schema:schema113.oneOf[2].properties.value.type,parentSchema:schema113.oneOf[2].properties.value,data:data10};
  if(vErrors === null){
  vErrors = [err29];
  }
  else {
  vErrors.push(err29);
  }
  errors++;
  }
  }
  }
  else {
  const err30 = {instancePath,schemaPath:"#/oneOf/2/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema113.oneOf[2].type,parentSchema:schema113.oneOf[2],data};
  if(vErrors === null){
  vErrors = [err30];
  }
  else {
  vErrors.push(err30);
  }
  errors++;
  }
  if(props0 !== true){
  props0 = true;
  }
  }
  else if(tag0 === "band"){
  if(data && typeof data == "object" && !Array.isArray(data)){
  if(data.of === undefined){
  const err31 = {instancePath,schemaPath:"#/oneOf/3/required",keyword:"required",params:{missingProperty: "of"},message:"must have required property '"+"of"+"'",schema:schema113.oneOf[3].required,parentSchema:schema113.oneOf[3],data};
  if(vErrors === null){
  vErrors = [err31];
  }
  else {
  vErrors.push(err31);
  }
  errors++;
  }
  if(data.bands === undefined){
  const err32 = {instancePath,schemaPath:"#/oneOf/3/required",keyword:"required",params:{missingProperty: "bands"},message:"must have required property '"+"bands"+"'",schema:schema113.oneOf[3].required,parentSchema:schema113.oneOf[3],data};
  if(vErrors === null){
  vErrors = [err32];
  }
  else {
  vErrors.push(err32);
  }
  errors++;
  }
  for(const key3 in data){
  if(!((key3 === "of") || (key3 === "bands"))){
  const err33 = {instancePath,schemaPath:"#/oneOf/3/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key3},message:"must NOT have additional properties",schema:false,parentSchema:schema113.oneOf[3],data};
  if(vErrors === null){
  vErrors = [err33];
  }
  else {
  vErrors.push(err33);
  }
  errors++;
  }
  }
  if(data.of !== undefined){
  let data11 = data.of;
  if("band" !== data11){
  const err34 = {instancePath:instancePath+"/of",schemaPath:"#/oneOf/3/properties/of/const",keyword:"const",params:{allowedValue: "band"},message:"must be equal to constant",schema:"band",parentSchema:schema113.oneOf[3].properties.of,data:data11};
  if(vErrors === null){
  vErrors = [err34];
  }
  else {
  vErrors.push(err34);
  }
  errors++;
  }
  }
  if(data.bands !== undefined){
  let data12 = data.bands;
  if(Array.isArray(data12)){
  if(data12.length < 1){
  const err35 = {instancePath:instancePath+"/bands",schemaPath:"#/oneOf/3/properties/bands/minItems",keyword:"minItems",params:{limit: 1},message:"must NOT have fewer than 1 items",schema:1,parentSchema:schema113.oneOf[3].properties.bands,data:data12};
  if(vErrors === null){
  vErrors = [err35];
  }
  else {
  vErrors.push(err35);
  }
  errors++;
  }
  const len0 = data12.length;
  for(let i0=0; i0<len0; i0++){
  let data13 = data12[i0];
  if(typeof data13 === "string"){
  if(!pattern8.test(data13)){
  const err36 = {instancePath:instancePath+"/bands/" + i0,schemaPath:"common.schema.json#/$defs/Id/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z][A-Za-z0-9_.-]{0,63}$"},message:"must match pattern \""+"^[A-Za-z][A-Za-z0-9_.-]{0,63}$"+"\"",schema:"^[A-Za-z][A-Za-z0-9_.-]{0,63}$",parentSchema:schema39,data:data13};
  if(vErrors === null){
  vErrors = [err36];
  }
  else {
  vErrors.push(err36);
  }
  errors++;
  }
  }
  else {
  const err37 = {instancePath:instancePath+"/bands/" + i0,schemaPath:"common.schema.json#/$defs/Id/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema39.type,parentSchema:schema39,data:data13};
  if(vErrors === null){
  vErrors = [err37];
  }
  else {
  vErrors.push(err37);
  }
  errors++;
  }
  }
  let i1 = data12.length;
  let j0;
  if(i1 > 1){
  outer0:
  for(;i1--;){
  for(j0 = i1; j0--;){
  if(func0(data12[i1], data12[j0])){
  const err38 = {instancePath:instancePath+"/bands",schemaPath:"#/oneOf/3/properties/bands/uniqueItems",keyword:"uniqueItems",params:{i: i1, j: j0},message:"must NOT have duplicate items (items ## "+j0+" and "+i1+" are identical)",schema:true,parentSchema:schema113.oneOf[3].properties.bands,data:data12};
  if(vErrors === null){
  vErrors = [err38];
  }
  else {
  vErrors.push(err38);
  }
  errors++;
  break outer0;
  }
  }
  }
  }
  }
  else {
  const err39 = {instancePath:instancePath+"/bands",schemaPath:"#/oneOf/3/properties/bands/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema113.oneOf[3].properties.bands.type,parentSchema:schema113.oneOf[3].properties.bands,data:data12};
  if(vErrors === null){
  vErrors = [err39];
  }
  else {
  vErrors.push(err39);
  }
  errors++;
  }
  }
  }
  else {
  const err40 = {instancePath,schemaPath:"#/oneOf/3/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema113.oneOf[3].type,parentSchema:schema113.oneOf[3],data};
  if(vErrors === null){
  vErrors = [err40];
  }
  else {
  vErrors.push(err40);
  }
  errors++;
  }
  if(props0 !== true){
  props0 = true;
  }
  }
  else {
  const err41 = {instancePath,schemaPath:"#/discriminator",keyword:"discriminator",params:{error: "mapping", tag: "of", tagValue: tag0},message:"value of tag \"of\" must be in oneOf",schema:schema113.discriminator,parentSchema:schema113,data};
  if(vErrors === null){
  vErrors = [err41];
  }
  else {
  vErrors.push(err41);
  }
  errors++;
  }
  }
  else {
  const err42 = {instancePath,schemaPath:"#/discriminator",keyword:"discriminator",params:{error: "tag", tag: "of", tagValue: tag0},message:"tag \"of\" must be string",schema:schema113.discriminator,parentSchema:schema113,data};
  if(vErrors === null){
  vErrors = [err42];
  }
  else {
  vErrors.push(err42);
  }
  errors++;
  }
  }
  else {
  const err43 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema113.type,parentSchema:schema113,data};
  if(vErrors === null){
  vErrors = [err43];
  }
  else {
  vErrors.push(err43);
  }
  errors++;
  }
  validate143.errors = vErrors;
  evaluated0.props = props0;
  return errors === 0;
  }
  validate143.evaluated = {"dynamicProps":true,"dynamicItems":false};


  function validate141(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
  let vErrors = null;
  let errors = 0;
  const evaluated0 = validate141.evaluated;
  if(evaluated0.dynamicProps){
  evaluated0.props = undefined;
  }
  if(evaluated0.dynamicItems){
  evaluated0.items = undefined;
  }
  if(data && typeof data == "object" && !Array.isArray(data)){
  if(data.id === undefined){
  const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "id"},message:"must have required property '"+"id"+"'",schema:schema111.required,parentSchema:schema111,data};
  if(vErrors === null){
  vErrors = [err0];
  }
  else {
  vErrors.push(err0);
  }
  errors++;
  }
  if(data.level === undefined){
  const err1 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "level"},message:"must have required property '"+"level"+"'",schema:schema111.required,parentSchema:schema111,data};
  if(vErrors === null){
  vErrors = [err1];
  }
  else {
  vErrors.push(err1);
  }
  errors++;
  }
  if(data.message === undefined){
  const err2 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "message"},message:"must have required property '"+"message"+"'",schema:schema111.required,parentSchema:schema111,data};
  if(vErrors === null){
  vErrors = [err2];
  }
  else {
  vErrors.push(err2);
  }
  errors++;
  }
  if(data.when === undefined){
  const err3 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "when"},message:"must have required property '"+"when"+"'",schema:schema111.required,parentSchema:schema111,data};
  if(vErrors === null){
  vErrors = [err3];
  }
  else {
  vErrors.push(err3);
  }
  errors++;
  }
  for(const key0 in data){
  if(!(((((key0 === "id") || (key0 === "level")) || (key0 === "message")) || (key0 === "when")) || (key0 === "response"))){
  const err4 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties",schema:false,parentSchema:schema111,data};
  if(vErrors === null){
  vErrors = [err4];
  }
  else {
  vErrors.push(err4);
  }
  errors++;
  }
  }
  if(data.id !== undefined){
  let data0 = data.id;
  if(typeof data0 === "string"){
  if(!pattern8.test(data0)){
  const err5 = {instancePath:instancePath+"/id",schemaPath:"common.schema.json#/$defs/Id/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z][A-Za-z0-9_.-]{0,63}$"},message:"must match pattern \""+"^[A-Za-z][A-Za-z0-9_.-]{0,63}$"+"\"",schema:"^[A-Za-z][A-Za-z0-9_.-]{0,63}$",parentSchema:schema39,data:data0};
  if(vErrors === null){
  vErrors = [err5];
  }
  else {
  vErrors.push(err5);
  }
  errors++;
  }
  }
  else {
  const err6 = {instancePath:instancePath+"/id",schemaPath:"common.schema.json#/$defs/Id/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema39.type,parentSchema:schema39,data:data0};
  if(vErrors === null){
  vErrors = [err6];
  }
  else {
  vErrors.push(err6);
  }
  errors++;
  }
  }
  if(data.level !== undefined){
  let data1 = data.level;
  if(!(((data1 === "info") || (data1 === "warning")) || (data1 === "urgent"))){
  const err7 = {instancePath:instancePath+"/level",schemaPath:"#/properties/level/enum",keyword:"enum",params:{allowedValues: schema111.properties.level.enum},message:"must be equal to one of the allowed values",schema:schema111.properties.level.enum,parentSchema:schema111.properties.level,data:data1};
  if(vErrors === null){
  vErrors = [err7];
  }
  else {
  vErrors.push(err7);
  }
  errors++;
  }
  }
  if(data.message !== undefined){
  if(!(validate122(data.message, {instancePath:instancePath+"/message",parentData:data,parentDataProperty:"message",rootData,dynamicAnchors}))){
  vErrors = vErrors === null ? validate122.errors : vErrors.concat(validate122.errors);
  errors = vErrors.length;
  }
  }
  if(data.when !== undefined){
  if(!(validate143(data.when, {instancePath:instancePath+"/when",parentData:data,parentDataProperty:"when",rootData,dynamicAnchors}))){
  vErrors = vErrors === null ? validate143.errors : vErrors.concat(validate143.errors);
  errors = vErrors.length;
  }
  }
  if(data.response !== undefined){
  let data4 = data.response;
  if(data4 && typeof data4 == "object" && !Array.isArray(data4)){
  for(const key1 in data4){
  if(!(((key1 === "withinHours") || (key1 === "sameWorkingDay")) || (key1 === "escalate"))){
  const err8 = {instancePath:instancePath+"/response",schemaPath:"#/$defs/AlertResponse/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key1},message:"must NOT have additional properties",schema:false,parentSchema:schema120,data:data4};
  if(vErrors === null){
  vErrors = [err8];
  }
  else {
  vErrors.push(err8);
  }
  errors++;
  }
  }
  if(data4.withinHours !== undefined){
  let data5 = data4.withinHours;
  if(!(((typeof data5 == "number") && (!(data5 % 1) && !isNaN(data5))) && (isFinite(data5)))){
  const err9 = {instancePath:instancePath+"/response/withinHours",schemaPath:"#/$defs/AlertResponse/properties/withinHours/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema120.properties.withinHours.type,parentSchema:schema120.properties.withinHours,data:data5};
  if(vErrors === null){
  vErrors = [err9];
  }
  else {
  vErrors.push(err9);
  }
  errors++;
  }
  if((typeof data5 == "number") && (isFinite(data5))){
  if(data5 > 168 || isNaN(data5)){
  const err10 = {instancePath:instancePath+"/response/withinHours",schemaPath:"#/$defs/AlertResponse/properties/withinHours/maximum",keyword:"maximum",params:{comparison: "<=", limit: 168},message:"must be <= 168",schema:168,parentSchema:schema120.properties.withinHours,data:data5};
  if(vErrors === null){
  vErrors = [err10];
  }
  else {
  vErrors.push(err10);
  }
  errors++;
  }
  if(data5 < 1 || isNaN(data5)){
  const err11 = {instancePath:instancePath+"/response/withinHours",schemaPath:"#/$defs/AlertResponse/properties/withinHours/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1",schema:1,parentSchema:schema120.properties.withinHours,data:data5};
  if(vErrors === null){
  vErrors = [err11];
  }
  else {
  vErrors.push(err11);
  }
  errors++;
  }
  }
  }
  if(data4.sameWorkingDay !== undefined){
  let data6 = data4.sameWorkingDay;
  if(true !== data6){
  const err12 = {instancePath:instancePath+"/response/sameWorkingDay",schemaPath:"#/$defs/AlertResponse/properties/sameWorkingDay/const",keyword:"const",params:{allowedValue: true},message:"must be equal to constant",schema:true,parentSchema:schema120.properties.sameWorkingDay,data:data6};
  if(vErrors === null){
  vErrors = [err12];
  }
  else {
  vErrors.push(err12);
  }
  errors++;
  }
  }
  if(data4.escalate !== undefined){
  let data7 = data4.escalate;
  if(typeof data7 !== "boolean"){
  const err13 = {instancePath:instancePath+"/response/escalate",schemaPath:"#/$defs/AlertResponse/properties/escalate/type",keyword:"type",params:{type: "boolean"},message:"must be boolean",schema:schema120.properties.escalate.type,parentSchema:schema120.properties.escalate,data:data7};
  if(vErrors === null){
  vErrors = [err13];
  }
  else {
  vErrors.push(err13);
  }
  errors++;
  }
  }
  }
  else {
  const err14 = {instancePath:instancePath+"/response",schemaPath:"#/$defs/AlertResponse/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema120.type,parentSchema:schema120,data:data4};
  if(vErrors === null){
  vErrors = [err14];
  }
  else {
  vErrors.push(err14);
  }
  errors++;
  }
  }
  }
  else {
  const err15 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema111.type,parentSchema:schema111,data};
  if(vErrors === null){
  vErrors = [err15];
  }
  else {
  vErrors.push(err15);
  }
  errors++;
  }
  validate141.errors = vErrors;
  return errors === 0;
  }
  validate141.evaluated = {"props":true,"dynamicProps":false,"dynamicItems":false};


  function validate132(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
  let vErrors = null;
  let errors = 0;
  const evaluated0 = validate132.evaluated;
  if(evaluated0.dynamicProps){
  evaluated0.props = undefined;
  }
  if(evaluated0.dynamicItems){
  evaluated0.items = undefined;
  }
  if(data && typeof data == "object" && !Array.isArray(data)){
  if(data.total === undefined){
  const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "total"},message:"must have required property '"+"total"+"'",schema:schema102.required,parentSchema:schema102,data};
  if(vErrors === null){
  vErrors = [err0];
  }
  else {
  vErrors.push(err0);
  }
  errors++;
  }
  if(data.missing === undefined){
  const err1 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "missing"},message:"must have required property '"+"missing"+"'",schema:schema102.required,parentSchema:schema102,data};
  if(vErrors === null){
  vErrors = [err1];
  }
  else {
  vErrors.push(err1);
  }
  errors++;
  }
  if(data.bands === undefined){
  const err2 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "bands"},message:"must have required property '"+"bands"+"'",schema:schema102.required,parentSchema:schema102,data};
  if(vErrors === null){
  vErrors = [err2];
  }
  else {
  vErrors.push(err2);
  }
  errors++;
  }
  for(const key0 in data){
  if(!((((((key0 === "total") || (key0 === "subscales")) || (key0 === "missing")) || (key0 === "bands")) || (key0 === "alerts")) || (key0 === "reliableChange"))){
  const err3 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties",schema:false,parentSchema:schema102,data};
  if(vErrors === null){
  vErrors = [err3];
  }
  else {
  vErrors.push(err3);
  }
  errors++;
  }
  }
  if(data.total !== undefined){
  if(!(validate133(data.total, {instancePath:instancePath+"/total",parentData:data,parentDataProperty:"total",rootData,dynamicAnchors}))){
  vErrors = vErrors === null ? validate133.errors : vErrors.concat(validate133.errors);
  errors = vErrors.length;
  }
  }
  if(data.subscales !== undefined){
  let data1 = data.subscales;
  if(Array.isArray(data1)){
  const len0 = data1.length;
  for(let i0=0; i0<len0; i0++){
  if(!(validate135(data1[i0], {instancePath:instancePath+"/subscales/" + i0,parentData:data1,parentDataProperty:i0,rootData,dynamicAnchors}))){
  vErrors = vErrors === null ? validate135.errors : vErrors.concat(validate135.errors);
  errors = vErrors.length;
  }
  }
  }
  else {
  const err4 = {instancePath:instancePath+"/subscales",schemaPath:"#/properties/subscales/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema102.properties.subscales.type,parentSchema:schema102.properties.subscales,data:data1};
  if(vErrors === null){
  vErrors = [err4];
  }
  else {
  vErrors.push(err4);
  }
  errors++;
  }
  }
  if(data.missing !== undefined){
  let data3 = data.missing;
  if(data3 && typeof data3 == "object" && !Array.isArray(data3)){
  if(data3.maxMissing === undefined){
  const err5 = {instancePath:instancePath+"/missing",schemaPath:"#/$defs/MissingRule/required",keyword:"required",params:{missingProperty: "maxMissing"},message:"must have required property '"+"maxMissing"+"'",schema:schema108.required,parentSchema:schema108,data:data3};
  if(vErrors === null){
  vErrors = [err5];
  }
  else {
  vErrors.push(err5);
  }
  errors++;
  }
  if(data3.impute === undefined){
  const err6 = {instancePath:instancePath+"/missing",schemaPath:"#/$defs/MissingRule/required",keyword:"required",params:{missingProperty: "impute"},message:"must have required property '"+"impute"+"'",schema:schema108.required,parentSchema:schema108,data:data3};
  if(vErrors === null){
  vErrors = [err6];
  }
  else {
  vErrors.push(err6);
  }
  errors++;
  }
  for(const key1 in data3){
  if(!(((key1 === "maxMissing") || (key1 === "impute")) || (key1 === "source"))){
  const err7 = {instancePath:instancePath+"/missing",schemaPath:"#/$defs/MissingRule/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key1},message:"must NOT have additional properties",schema:false,parentSchema:schema108,data:data3};
  if(vErrors === null){
  vErrors = [err7];
  }
  else {
  vErrors.push(err7);
  }
  errors++;
  }
  }
  if(data3.maxMissing !== undefined){
  let data4 = data3.maxMissing;
  if(!(((typeof data4 == "number") && (!(data4 % 1) && !isNaN(data4))) && (isFinite(data4)))){
  const err8 = {instancePath:instancePath+"/missing/maxMissing",schemaPath:"#/$defs/MissingRule/properties/maxMissing/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema108.properties.maxMissing.type,parentSchema:schema108.properties.maxMissing,data:data4};
  if(vErrors === null){
  vErrors = [err8];
  }
  else {
  vErrors.push(err8);
  }
  errors++;
  }
  if((typeof data4 == "number") && (isFinite(data4))){
  if(data4 < 0 || isNaN(data4)){
  const err9 = {instancePath:instancePath+"/missing/maxMissing",schemaPath:"#/$defs/MissingRule/properties/maxMissing/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema108.properties.maxMissing,data:data4};
  if(vErrors === null){
  vErrors = [err9];
  }
  else {
  vErrors.push(err9);
  }
  errors++;
  }
  }
  }
  if(data3.impute !== undefined){
  let data5 = data3.impute;
  if(!((data5 === "mean") || (data5 === "zero"))){
  const err10 = {instancePath:instancePath+"/missing/impute",schemaPath:"#/$defs/MissingRule/properties/impute/enum",keyword:"enum",params:{allowedValues: schema108.properties.impute.enum},message:"must be equal to one of the allowed values",schema:schema108.properties.impute.enum,parentSchema:schema108.properties.impute,data:data5};
  if(vErrors === null){
  vErrors = [err10];
  }
  else {
  vErrors.push(err10);
  }
  errors++;
  }
  }
  if(data3.source !== undefined){
  let data6 = data3.source;
  if(typeof data6 === "string"){
  if(func2(data6) > 500){
  const err11 = {instancePath:instancePath+"/missing/source",schemaPath:"#/$defs/MissingRule/properties/source/maxLength",keyword:"maxLength",params:{limit: 500},message:"must NOT have more than 500 characters",schema:500,parentSchema:schema108.properties.source,data:data6};
  if(vErrors === null){
  vErrors = [err11];
  }
  else {
  vErrors.push(err11);
  }
  errors++;
  }
  }
  else {
  const err12 = {instancePath:instancePath+"/missing/source",schemaPath:"#/$defs/MissingRule/properties/source/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema108.properties.source.type,parentSchema:schema108.properties.source,data:data6};
  if(vErrors === null){
  vErrors = [err12];
  }
  else {
  vErrors.push(err12);
  }
  errors++;
  }
  }
  }
  else {
  const err13 = {instancePath:instancePath+"/missing",schemaPath:"#/$defs/MissingRule/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema108.type,parentSchema:schema108,data:data3};
  if(vErrors === null){
  vErrors = [err13];
  }
  else {
  vErrors.push(err13);
  }
  errors++;
  }
  }
  if(data.bands !== undefined){
  let data7 = data.bands;
  if(Array.isArray(data7)){
  if(data7.length < 1){
  const err14 = {instancePath:instancePath+"/bands",schemaPath:"#/properties/bands/minItems",keyword:"minItems",params:{limit: 1},message:"must NOT have fewer than 1 items",schema:1,parentSchema:schema102.properties.bands,data:data7};
  if(vErrors === null){
  vErrors = [err14];
  }
  else {
  vErrors.push(err14);
  }
  errors++;
  }
  const len1 = data7.length;
  for(let i1=0; i1<len1; i1++){
  if(!(validate138(data7[i1], {instancePath:instancePath+"/bands/" + i1,parentData:data7,parentDataProperty:i1,rootData,dynamicAnchors}))){
  vErrors = vErrors === null ? validate138.errors : vErrors.concat(validate138.errors);
  errors = vErrors.length;
  }
  }
  }
  else {
  const err15 = {instancePath:instancePath+"/bands",schemaPath:"#/properties/bands/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema102.properties.bands.type,parentSchema:schema102.properties.bands,data:data7};
  if(vErrors === null){
  vErrors = [err15];
  }
  else {
  vErrors.push(err15);
  }
  errors++;
  }
  }
  if(data.alerts !== undefined){
  let data9 = data.alerts;
  if(Array.isArray(data9)){
  const len2 = data9.length;
  for(let i2=0; i2<len2; i2++){
  if(!(validate141(data9[i2], {instancePath:instancePath+"/alerts/" + i2,parentData:data9,parentDataProperty:i2,rootData,dynamicAnchors}))){
  vErrors = vErrors === null ? validate141.errors : vErrors.concat(validate141.errors);
  errors = vErrors.length;
  }
  }
  }
  else {
  const err16 = {instancePath:instancePath+"/alerts",schemaPath:"#/properties/alerts/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema102.properties.alerts.type,parentSchema:schema102.properties.alerts,data:data9};
  if(vErrors === null){
  vErrors = [err16];
  }
  else {
  vErrors.push(err16);
  }
  errors++;
  }
  }
  if(data.reliableChange !== undefined){
  let data11 = data.reliableChange;
  if(data11 && typeof data11 == "object" && !Array.isArray(data11)){
  if(data11.reliability === undefined){
  const err17 = {instancePath:instancePath+"/reliableChange",schemaPath:"#/$defs/ReliableChange/required",keyword:"required",params:{missingProperty: "reliability"},message:"must have required property '"+"reliability"+"'",schema:schema121.required,parentSchema:schema121,data:data11};
  if(vErrors === null){
  vErrors = [err17];
  }
  else {
  vErrors.push(err17);
  }
  errors++;
  }
  if(data11.normSd === undefined){
  const err18 = {instancePath:instancePath+"/reliableChange",schemaPath:"#/$defs/ReliableChange/required",keyword:"required",params:{missingProperty: "normSd"},message:"must have required property '"+"normSd"+"'",schema:schema121.required,parentSchema:schema121,data:data11};
  if(vErrors === null){
  vErrors = [err18];
  }
  else {
  vErrors.push(err18);
  }
  errors++;
  }
  if(data11.direction === undefined){
  const err19 = {instancePath:instancePath+"/reliableChange",schemaPath:"#/$defs/ReliableChange/required",keyword:"required",params:{missingProperty: "direction"},message:"must have required property '"+"direction"+"'",schema:schema121.required,parentSchema:schema121,data:data11};
  if(vErrors === null){
  vErrors = [err19];
  }
  else {
  vErrors.push(err19);
  }
  errors++;
  }
  if(data11.source === undefined){
  const err20 = {instancePath:instancePath+"/reliableChange",schemaPath:"#/$defs/ReliableChange/required",keyword:"required",params:{missingProperty: "source"},message:"must have required property '"+"source"+"'",schema:schema121.required,parentSchema:schema121,data:data11};
  if(vErrors === null){
  vErrors = [err20];
  }
  else {
  vErrors.push(err20);
  }
  errors++;
  }
  for(const key2 in data11){
  if(!((((key2 === "reliability") || (key2 === "normSd")) || (key2 === "direction")) || (key2 === "source"))){
  const err21 = {instancePath:instancePath+"/reliableChange",schemaPath:"#/$defs/ReliableChange/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key2},message:"must NOT have additional properties",schema:false,parentSchema:schema121,data:data11};
  if(vErrors === null){
  vErrors = [err21];
  }
  else {
  vErrors.push(err21);
  }
  errors++;
  }
  }
  if(data11.reliability !== undefined){
  let data12 = data11.reliability;
  if(data12 && typeof data12 == "object" && !Array.isArray(data12)){
  if(data12.kind === undefined){
  const err22 = {instancePath:instancePath+"/reliableChange/reliability",schemaPath:"#/$defs/ReliableChange/properties/reliability/required",keyword:"required",params:{missingProperty: "kind"},message:"must have required property '"+"kind"+"'",schema:schema121.properties.reliability.required,parentSchema:schema121.properties.reliability,data:data12};
  if(vErrors === null){
  vErrors = [err22];
  }
  else {
  vErrors.push(err22);
  }
  errors++;
  }
  if(data12.value === undefined){
  const err23 = {instancePath:instancePath+"/reliableChange/reliability",schemaPath:"#/$defs/ReliableChange/properties/reliability/required",keyword:"required",params:{missingProperty: "value"},message:"must have required property '"+"value"+"'",schema:schema121.properties.reliability.required,parentSchema:schema121.properties.reliability,data:data12};
  if(vErrors === null){
  vErrors = [err23];
  }
  else {
  vErrors.push(err23);
  }
  errors++;
  }
  for(const key3 in data12){
  if(!((key3 === "kind") || (key3 === "value"))){
  const err24 = {instancePath:instancePath+"/reliableChange/reliability",schemaPath:"#/$defs/ReliableChange/properties/reliability/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key3},message:"must NOT have additional properties",schema:false,parentSchema:schema121.properties.reliability,data:data12};
  if(vErrors === null){
  vErrors = [err24];
  }
  else {
  vErrors.push(err24);
  }
  errors++;
  }
  }
  if(data12.kind !== undefined){
  let data13 = data12.kind;
  if(!((data13 === "cronbachAlpha") || (data13 === "testRetest"))){
  const err25 = {instancePath:instancePath+"/reliableChange/reliability/kind",schemaPath:"#/$defs/ReliableChange/properties/reliability/properties/kind/enum",keyword:"enum",params:{allowedValues: schema121.properties.reliability.properties.kind.enum},message:"must be equal to one of the allowed values",schema:schema121.properties.reliability.properties.kind.enum,parentSchema:schema121.properties.reliability.properties.kind,data:data13};
  if(vErrors === null){
  vErrors = [err25];
  }
  else {
  vErrors.push(err25);
  }
  errors++;
  }
  }
  if(data12.value !== undefined){
  let data14 = data12.value;
  if((typeof data14 == "number") && (isFinite(data14))){
  if(data14 >= 1 || isNaN(data14)){
  const err26 = {instancePath:instancePath+"/reliableChange/reliability/value",schemaPath:"#/$defs/ReliableChange/properties/reliability/properties/value/exclusiveMaximum",keyword:"exclusiveMaximum",params:{comparison: "<", limit: 1},message:"must be < 1",schema:1,parentSchema:schema121.properties.reliability.properties.value,data:data14};
  if(vErrors === null){
  vErrors = [err26];
  }
  else {
  vErrors.push(err26);
  }
  errors++;
  }
  if(data14 <= 0 || isNaN(data14)){
  const err27 = {instancePath:instancePath+"/reliableChange/reliability/value",schemaPath:"#/$defs/ReliableChange/properties/reliability/properties/value/exclusiveMinimum",keyword:"exclusiveMinimum",params:{comparison: ">", limit: 0},message:"must be > 0",schema:0,parentSchema:schema121.properties.reliability.properties.value,data:data14};
  if(vErrors === null){
  vErrors = [err27];
  }
  else {
  vErrors.push(err27);
  }
  errors++;
  }
  }
  else {
  const err28 = {instancePath:instancePath+"/reliableChange/reliability/value",schemaPath:"#/$defs/ReliableChange/properties/reliability/properties/value/type",keyword:"type",params:{type: "number"},message:"must be number",schema:schema121.properties.reliability.properties.value.type,parentSchema:schema121.properties.reliability.properties.value,data:data14};
  if(vErrors === null){
  vErrors = [err28];
  }
  else {
  vErrors.push(err28);
  }
  errors++;
  }
  }
  }
  else {
  const err29 = {instancePath:instancePath+"/reliableChange/reliability",schemaPath:"#/$defs/ReliableChange/properties/reliability/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema121.properties.reliability.type,parentSchema:schema121.properties.reliability,data:data12};
  if(vErrors === null){
  vErrors = [err29];
  }
  else {
  vErrors.push(err29);
  }
  errors++;
  }
  }
  if(data11.normSd !== undefined){
  let data15 = data11.normSd;
  if((typeof data15 == "number") && (isFinite(data15))){
  if(data15 > 1000000 || isNaN(data15)){
  const err30 = {instancePath:instancePath+"/reliableChange/normSd",schemaPath:"#/$defs/ReliableChange/properties/normSd/maximum",keyword:"maximum",params:{comparison: "<=", limit: 1000000},message:"must be <= 1000000",schema:1000000,parentSchema:schema121.properties.normSd,data:data15};
  if(vErrors === null){
  vErrors = [err30];
  }
  else {
  vErrors.push(err30);
  }
  errors++;
  }
  if(data15 <= 0 || isNaN(data15)){
  const err31 = {instancePath:instancePath+"/reliableChange/normSd",schemaPath:"#/$defs/ReliableChange/properties/normSd/exclusiveMinimum",keyword:"exclusiveMinimum",params:{comparison: ">", limit: 0},message:"must be > 0",schema:0,parentSchema:schema121.properties.normSd,data:data15};
  if(vErrors === null){
  vErrors = [err31];
  }
  else {
  vErrors.push(err31);
  }
  errors++;
  }
  }
  else {
  const err32 = {instancePath:instancePath+"/reliableChange/normSd",schemaPath:"#/$defs/ReliableChange/properties/normSd/type",keyword:"type",params:{type: "number"},message:"must be number",schema:schema121.properties.normSd.type,parentSchema:schema121.properties.normSd,data:data15};
  if(vErrors === null){
  vErrors = [err32];
  }
  else {
  vErrors.push(err32);
  }
  errors++;
  }
  }
  if(data11.direction !== undefined){
  let data16 = data11.direction;
  if(!((data16 === "lowerIsBetter") || (data16 === "higherIsBetter"))){
  const err33 = {instancePath:instancePath+"/reliableChange/direction",schemaPath:"#/$defs/ReliableChange/properties/direction/enum",keyword:"enum",params:{allowedValues: schema121.properties.direction.enum},message:"must be equal to one of the allowed values",schema:schema121.properties.direction.enum,parentSchema:schema121.properties.direction,data:data16};
  if(vErrors === null){
  vErrors = [err33];
  }
  else {
  vErrors.push(err33);
  }
  errors++;
  }
  }
  if(data11.source !== undefined){
  let data17 = data11.source;
  if(typeof data17 === "string"){
  if(func2(data17) > 2000){
  const err34 = {instancePath:instancePath+"/reliableChange/source",schemaPath:"#/$defs/ReliableChange/properties/source/maxLength",keyword:"maxLength",params:{limit: 2000},message:"must NOT have more than 2000 characters",schema:2000,parentSchema:schema121.properties.source,data:data17};
  if(vErrors === null){
  vErrors = [err34];
  }
  else {
  vErrors.push(err34);
  }
  errors++;
  }
  if(func2(data17) < 1){
  const err35 = {instancePath:instancePath+"/reliableChange/source",schemaPath:"#/$defs/ReliableChange/properties/source/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema121.properties.source,data:data17};
  if(vErrors === null){
  vErrors = [err35];
  }
  else {
  vErrors.push(err35);
  }
  errors++;
  }
  }
  else {
  const err36 = {instancePath:instancePath+"/reliableChange/source",schemaPath:"#/$defs/ReliableChange/properties/source/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema121.properties.source.type,parentSchema:schema121.properties.source,data:data17};
  if(vErrors === null){
  vErrors = [err36];
  }
  else {
  vErrors.push(err36);
  }
  errors++;
  }
  }
  }
  else {
  const err37 = {instancePath:instancePath+"/reliableChange",schemaPath:"#/$defs/ReliableChange/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema121.type,parentSchema:schema121,data:data11};
  if(vErrors === null){
  vErrors = [err37];
  }
  else {
  vErrors.push(err37);
  }
  errors++;
  }
  }
  }
  else {
  const err38 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema102.type,parentSchema:schema102,data};
  if(vErrors === null){
  vErrors = [err38];
  }
  else {
  vErrors.push(err38);
  }
  errors++;
  }
  validate132.errors = vErrors;
  return errors === 0;
  }
  validate132.evaluated = {"props":true,"dynamicProps":false,"dynamicItems":false};

  const schema122 = careloomRuntime.schemaFiles["instrument.schema.json"].$defs.ScoringTest;

  function validate147(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
  let vErrors = null;
  let errors = 0;
  const evaluated0 = validate147.evaluated;
  if(evaluated0.dynamicProps){
  evaluated0.props = undefined;
  }
  if(evaluated0.dynamicItems){
  evaluated0.items = undefined;
  }
  if(data && typeof data == "object" && !Array.isArray(data)){
  if(data.name === undefined){
  const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "name"},message:"must have required property '"+"name"+"'",schema:schema122.required,parentSchema:schema122,data};
  if(vErrors === null){
  vErrors = [err0];
  }
  else {
  vErrors.push(err0);
  }
  errors++;
  }
  if(data.answers === undefined){
  const err1 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "answers"},message:"must have required property '"+"answers"+"'",schema:schema122.required,parentSchema:schema122,data};
  if(vErrors === null){
  vErrors = [err1];
  }
  else {
  vErrors.push(err1);
  }
  errors++;
  }
  if(data.expect === undefined){
  const err2 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "expect"},message:"must have required property '"+"expect"+"'",schema:schema122.required,parentSchema:schema122,data};
  if(vErrors === null){
  vErrors = [err2];
  }
  else {
  vErrors.push(err2);
  }
  errors++;
  }
  for(const key0 in data){
  if(!(((key0 === "name") || (key0 === "answers")) || (key0 === "expect"))){
  const err3 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties",schema:false,parentSchema:schema122,data};
  if(vErrors === null){
  vErrors = [err3];
  }
  else {
  vErrors.push(err3);
  }
  errors++;
  }
  }
  if(data.name !== undefined){
  let data0 = data.name;
  if(typeof data0 === "string"){
  if(func2(data0) > 200){
  const err4 = {instancePath:instancePath+"/name",schemaPath:"#/properties/name/maxLength",keyword:"maxLength",params:{limit: 200},message:"must NOT have more than 200 characters",schema:200,parentSchema:schema122.properties.name,data:data0};
  if(vErrors === null){
  vErrors = [err4];
  }
  else {
  vErrors.push(err4);
  }
  errors++;
  }
  if(func2(data0) < 1){
  const err5 = {instancePath:instancePath+"/name",schemaPath:"#/properties/name/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema122.properties.name,data:data0};
  if(vErrors === null){
  vErrors = [err5];
  }
  else {
  vErrors.push(err5);
  }
  errors++;
  }
  }
  else {
  const err6 = {instancePath:instancePath+"/name",schemaPath:"#/properties/name/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema122.properties.name.type,parentSchema:schema122.properties.name,data:data0};
  if(vErrors === null){
  vErrors = [err6];
  }
  else {
  vErrors.push(err6);
  }
  errors++;
  }
  }
  if(data.answers !== undefined){
  let data1 = data.answers;
  if(data1 && typeof data1 == "object" && !Array.isArray(data1)){
  for(const key1 in data1){
  const _errs6 = errors;
  if(typeof key1 === "string"){
  if(!pattern8.test(key1)){
  const err7 = {instancePath:instancePath+"/answers",schemaPath:"common.schema.json#/$defs/Id/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z][A-Za-z0-9_.-]{0,63}$"},message:"must match pattern \""+"^[A-Za-z][A-Za-z0-9_.-]{0,63}$"+"\"",schema:"^[A-Za-z][A-Za-z0-9_.-]{0,63}$",parentSchema:schema39,data:key1,propertyName:key1};
  if(vErrors === null){
  vErrors = [err7];
  }
  else {
  vErrors.push(err7);
  }
  errors++;
  }
  }
  else {
  const err8 = {instancePath:instancePath+"/answers",schemaPath:"common.schema.json#/$defs/Id/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema39.type,parentSchema:schema39,data:key1,propertyName:key1};
  if(vErrors === null){
  vErrors = [err8];
  }
  else {
  vErrors.push(err8);
  }
  errors++;
  }
  var valid1 = _errs6 === errors;
  if(!valid1){
  const err9 = {instancePath:instancePath+"/answers",schemaPath:"#/properties/answers/propertyNames",keyword:"propertyNames",params:{propertyName: key1},message:"property name must be valid",schema:schema122.properties.answers.propertyNames,parentSchema:schema122.properties.answers,data:data1};
  if(vErrors === null){
  vErrors = [err9];
  }
  else {
  vErrors.push(err9);
  }
  errors++;
  }
  }
  for(const key2 in data1){
  let data2 = data1[key2];
  const _errs11 = errors;
  let valid4 = false;
  const _errs12 = errors;
  if(typeof data2 === "string"){
  if(!pattern8.test(data2)){
  const err10 = {instancePath:instancePath+"/answers/" + key2.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"common.schema.json#/$defs/Id/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z][A-Za-z0-9_.-]{0,63}$"},message:"must match pattern \""+"^[A-Za-z][A-Za-z0-9_.-]{0,63}$"+"\"",schema:"^[A-Za-z][A-Za-z0-9_.-]{0,63}$",parentSchema:schema39,data:data2};
  if(vErrors === null){
  vErrors = [err10];
  }
  else {
  vErrors.push(err10);
  }
  errors++;
  }
  }
  else {
  const err11 = {instancePath:instancePath+"/answers/" + key2.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"common.schema.json#/$defs/Id/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema39.type,parentSchema:schema39,data:data2};
  if(vErrors === null){
  vErrors = [err11];
  }
  else {
  vErrors.push(err11);
  }
  errors++;
  }
  var _valid0 = _errs12 === errors;
  valid4 = valid4 || _valid0;
  const _errs15 = errors;
  if(data2 !== null){
  const err12 = {instancePath:instancePath+"/answers/" + key2.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/properties/answers/additionalProperties/anyOf/1/type",keyword:"type",params:{type: "null"},message:"must be null",schema:schema122.properties.answers.additionalProperties.anyOf[1].type,parentSchema:schema122.properties.answers.additionalProperties.anyOf[1],data:data2};
  if(vErrors === null){
  vErrors = [err12];
  }
  else {
  vErrors.push(err12);
  }
  errors++;
  }
  var _valid0 = _errs15 === errors;
  valid4 = valid4 || _valid0;
  if(!valid4){
  const err13 = {instancePath:instancePath+"/answers/" + key2.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/properties/answers/additionalProperties/anyOf",keyword:"anyOf",params:{},message:"must match a schema in anyOf",schema:schema122.properties.answers.additionalProperties.anyOf,parentSchema:schema122.properties.answers.additionalProperties,data:data2};
  if(vErrors === null){
  vErrors = [err13];
  }
  else {
  vErrors.push(err13);
  }
  errors++;
  }
  else {
  errors = _errs11;
  if(vErrors !== null){
  if(_errs11){
  vErrors.length = _errs11;
  }
  else {
  vErrors = null;
  }
  }
  }
  }
  }
  else {
  const err14 = {instancePath:instancePath+"/answers",schemaPath:"#/properties/answers/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema122.properties.answers.type,parentSchema:schema122.properties.answers,data:data1};
  if(vErrors === null){
  vErrors = [err14];
  }
  else {
  vErrors.push(err14);
  }
  errors++;
  }
  }
  if(data.expect !== undefined){
  let data3 = data.expect;
  if(data3 && typeof data3 == "object" && !Array.isArray(data3)){
  if(data3.total === undefined){
  const err15 = {instancePath:instancePath+"/expect",schemaPath:"#/properties/expect/required",keyword:"required",params:{missingProperty: "total"},message:"must have required property '"+"total"+"'",schema:schema122.properties.expect.required,parentSchema:schema122.properties.expect,data:data3};
  if(vErrors === null){
  vErrors = [err15];
  }
  else {
  vErrors.push(err15);
  }
  errors++;
  }
  for(const key3 in data3){
  if(!((((key3 === "total") || (key3 === "subscales")) || (key3 === "band")) || (key3 === "alerts"))){
  const err16 = {instancePath:instancePath+"/expect",schemaPath:"#/properties/expect/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key3},message:"must NOT have additional properties",schema:false,parentSchema:schema122.properties.expect,data:data3};
  if(vErrors === null){
  vErrors = [err16];
  }
  else {
  vErrors.push(err16);
  }
  errors++;
  }
  }
  if(data3.total !== undefined){
  let data4 = data3.total;
  if((!((typeof data4 == "number") && (isFinite(data4)))) && (data4 !== null)){
  const err17 = {instancePath:instancePath+"/expect/total",schemaPath:"#/properties/expect/properties/total/type",keyword:"type",params:{type: schema122.properties.expect.properties.total.type},message:"must be number,null",schema:schema122.properties.expect.properties.total.type,parentSchema:schema122.properties.expect.properties.total,data:data4};
  if(vErrors === null){
  vErrors = [err17];
  }
  else {
  vErrors.push(err17);
  }
  errors++;
  }
  }
  if(data3.subscales !== undefined){
  let data5 = data3.subscales;
  if(data5 && typeof data5 == "object" && !Array.isArray(data5)){
  for(const key4 in data5){
  const _errs24 = errors;
  if(typeof key4 === "string"){
  if(!pattern8.test(key4)){
  const err18 = {instancePath:instancePath+"/expect/subscales",schemaPath:"common.schema.json#/$defs/Id/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z][A-Za-z0-9_.-]{0,63}$"},message:"must match pattern \""+"^[A-Za-z][A-Za-z0-9_.-]{0,63}$"+"\"",schema:"^[A-Za-z][A-Za-z0-9_.-]{0,63}$",parentSchema:schema39,data:key4,propertyName:key4};
  if(vErrors === null){
  vErrors = [err18];
  }
  else {
  vErrors.push(err18);
  }
  errors++;
  }
  }
  else {
  const err19 = {instancePath:instancePath+"/expect/subscales",schemaPath:"common.schema.json#/$defs/Id/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema39.type,parentSchema:schema39,data:key4,propertyName:key4};
  if(vErrors === null){
  vErrors = [err19];
  }
  else {
  vErrors.push(err19);
  }
  errors++;
  }
  var valid7 = _errs24 === errors;
  if(!valid7){
  const err20 = {instancePath:instancePath+"/expect/subscales",schemaPath:"#/properties/expect/properties/subscales/propertyNames",keyword:"propertyNames",params:{propertyName: key4},message:"property name must be valid",schema:schema122.properties.expect.properties.subscales.propertyNames,parentSchema:schema122.properties.expect.properties.subscales,data:data5};
  if(vErrors === null){
  vErrors = [err20];
  }
  else {
  vErrors.push(err20);
  }
  errors++;
  }
  }
  for(const key5 in data5){
  let data6 = data5[key5];
  if((!((typeof data6 == "number") && (isFinite(data6)))) && (data6 !== null)){
  const err21 = {instancePath:instancePath+"/expect/subscales/" + key5.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/properties/expect/properties/subscales/additionalProperties/type",keyword:"type",params:{type: schema122.properties.expect.properties.subscales.additionalProperties.type},message:"must be number,null",schema:schema122.properties.expect.properties.subscales.additionalProperties.type,parentSchema:schema122.properties.expect.properties.subscales.additionalProperties,data:data6};
  if(vErrors === null){
  vErrors = [err21];
  }
  else {
  vErrors.push(err21);
  }
  errors++;
  }
  }
  }
  else {
  const err22 = {instancePath:instancePath+"/expect/subscales",schemaPath:"#/properties/expect/properties/subscales/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema122.properties.expect.properties.subscales.type,parentSchema:schema122.properties.expect.properties.subscales,data:data5};
  if(vErrors === null){
  vErrors = [err22];
  }
  else {
  vErrors.push(err22);
  }
  errors++;
  }
  }
  if(data3.band !== undefined){
  let data7 = data3.band;
  const _errs31 = errors;
  let valid10 = false;
  const _errs32 = errors;
  if(typeof data7 === "string"){
  if(!pattern8.test(data7)){
  const err23 = {instancePath:instancePath+"/expect/band",schemaPath:"common.schema.json#/$defs/Id/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z][A-Za-z0-9_.-]{0,63}$"},message:"must match pattern \""+"^[A-Za-z][A-Za-z0-9_.-]{0,63}$"+"\"",schema:"^[A-Za-z][A-Za-z0-9_.-]{0,63}$",parentSchema:schema39,data:data7};
  if(vErrors === null){
  vErrors = [err23];
  }
  else {
  vErrors.push(err23);
  }
  errors++;
  }
  }
  else {
  const err24 = {instancePath:instancePath+"/expect/band",schemaPath:"common.schema.json#/$defs/Id/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema39.type,parentSchema:schema39,data:data7};
  if(vErrors === null){
  vErrors = [err24];
  }
  else {
  vErrors.push(err24);
  }
  errors++;
  }
  var _valid1 = _errs32 === errors;
  valid10 = valid10 || _valid1;
  const _errs35 = errors;
  if(data7 !== null){
  const err25 = {instancePath:instancePath+"/expect/band",schemaPath:"#/properties/expect/properties/band/anyOf/1/type",keyword:"type",params:{type: "null"},message:"must be null",schema:schema122.properties.expect.properties.band.anyOf[1].type,parentSchema:schema122.properties.expect.properties.band.anyOf[1],data:data7};
  if(vErrors === null){
  vErrors = [err25];
  }
  else {
  vErrors.push(err25);
  }
  errors++;
  }
  var _valid1 = _errs35 === errors;
  valid10 = valid10 || _valid1;
  if(!valid10){
  const err26 = {instancePath:instancePath+"/expect/band",schemaPath:"#/properties/expect/properties/band/anyOf",keyword:"anyOf",params:{},message:"must match a schema in anyOf",schema:schema122.properties.expect.properties.band.anyOf,parentSchema:schema122.properties.expect.properties.band,data:data7};
  if(vErrors === null){
  vErrors = [err26];
  }
  else {
  vErrors.push(err26);
  }
  errors++;
  }
  else {
  errors = _errs31;
  if(vErrors !== null){
  if(_errs31){
  vErrors.length = _errs31;
  }
  else {
  vErrors = null;
  }
  }
  }
  }
  if(data3.alerts !== undefined){
  let data8 = data3.alerts;
  if(Array.isArray(data8)){
  const len0 = data8.length;
  for(let i0=0; i0<len0; i0++){
  let data9 = data8[i0];
  if(typeof data9 === "string"){
  if(!pattern8.test(data9)){
  const err27 = {instancePath:instancePath+"/expect/alerts/" + i0,schemaPath:"common.schema.json#/$defs/Id/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z][A-Za-z0-9_.-]{0,63}$"},message:"must match pattern \""+"^[A-Za-z][A-Za-z0-9_.-]{0,63}$"+"\"",schema:"^[A-Za-z][A-Za-z0-9_.-]{0,63}$",parentSchema:schema39,data:data9};
  if(vErrors === null){
  vErrors = [err27];
  }
  else {
  vErrors.push(err27);
  }
  errors++;
  }
  }
  else {
  const err28 = {instancePath:instancePath+"/expect/alerts/" + i0,schemaPath:"common.schema.json#/$defs/Id/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema39.type,parentSchema:schema39,data:data9};
  if(vErrors === null){
  vErrors = [err28];
  }
  else {
  vErrors.push(err28);
  }
  errors++;
  }
  }
  let i1 = data8.length;
  let j0;
  if(i1 > 1){
  outer0:
  for(;i1--;){
  for(j0 = i1; j0--;){
  if(func0(data8[i1], data8[j0])){
  const err29 = {instancePath:instancePath+"/expect/alerts",schemaPath:"#/properties/expect/properties/alerts/uniqueItems",keyword:"uniqueItems",params:{i: i1, j: j0},message:"must NOT have duplicate items (items ## "+j0+" and "+i1+" are identical)",schema:true,parentSchema:schema122.properties.expect.properties.alerts,data:data8};
  if(vErrors === null){
  vErrors = [err29];
  }
  else {
  vErrors.push(err29);
  }
  errors++;
  break outer0;
  }
  }
  }
  }
  }
  else {
  const err30 = {instancePath:instancePath+"/expect/alerts",schemaPath:"#/properties/expect/properties/alerts/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema122.properties.expect.properties.alerts.type,parentSchema:schema122.properties.expect.properties.alerts,data:data8};
  if(vErrors === null){
  vErrors = [err30];
  }
  else {
  vErrors.push(err30);
  }
  errors++;
  }
  }
  }
  else {
  const err31 = {instancePath:instancePath+"/expect",schemaPath:"#/properties/expect/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema122.properties.expect.type,parentSchema:schema122.properties.expect,data:data3};
  if(vErrors === null){
  vErrors = [err31];
  }
  else {
  vErrors.push(err31);
  }
  errors++;
  }
  }
  }
  else {
  const err32 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema122.type,parentSchema:schema122,data};
  if(vErrors === null){
  vErrors = [err32];
  }
  else {
  vErrors.push(err32);
  }
  errors++;
  }
  validate147.errors = vErrors;
  return errors === 0;
  }
  validate147.evaluated = {"props":true,"dynamicProps":false,"dynamicItems":false};

  const formats0 = careloomRuntime.formats.uri;

  function validate108(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
  /*# sourceURL="https://careloom.org/schemas/instrument.schema.json" */;
  let vErrors = null;
  let errors = 0;
  const evaluated0 = validate108.evaluated;
  if(evaluated0.dynamicProps){
  evaluated0.props = undefined;
  }
  if(evaluated0.dynamicItems){
  evaluated0.items = undefined;
  }
  if(data && typeof data == "object" && !Array.isArray(data)){
  if(data.type === undefined){
  const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "type"},message:"must have required property '"+"type"+"'",schema:schema91.required,parentSchema:schema91,data};
  if(vErrors === null){
  vErrors = [err0];
  }
  else {
  vErrors.push(err0);
  }
  errors++;
  }
  if(data.id === undefined){
  const err1 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "id"},message:"must have required property '"+"id"+"'",schema:schema91.required,parentSchema:schema91,data};
  if(vErrors === null){
  vErrors = [err1];
  }
  else {
  vErrors.push(err1);
  }
  errors++;
  }
  if(data.name === undefined){
  const err2 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "name"},message:"must have required property '"+"name"+"'",schema:schema91.required,parentSchema:schema91,data};
  if(vErrors === null){
  vErrors = [err2];
  }
  else {
  vErrors.push(err2);
  }
  errors++;
  }
  if(data.abbreviation === undefined){
  const err3 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "abbreviation"},message:"must have required property '"+"abbreviation"+"'",schema:schema91.required,parentSchema:schema91,data};
  if(vErrors === null){
  vErrors = [err3];
  }
  else {
  vErrors.push(err3);
  }
  errors++;
  }
  if(data.items === undefined){
  const err4 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "items"},message:"must have required property '"+"items"+"'",schema:schema91.required,parentSchema:schema91,data};
  if(vErrors === null){
  vErrors = [err4];
  }
  else {
  vErrors.push(err4);
  }
  errors++;
  }
  if(data.scoring === undefined){
  const err5 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "scoring"},message:"must have required property '"+"scoring"+"'",schema:schema91.required,parentSchema:schema91,data};
  if(vErrors === null){
  vErrors = [err5];
  }
  else {
  vErrors.push(err5);
  }
  errors++;
  }
  if(data.tests === undefined){
  const err6 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "tests"},message:"must have required property '"+"tests"+"'",schema:schema91.required,parentSchema:schema91,data};
  if(vErrors === null){
  vErrors = [err6];
  }
  else {
  vErrors.push(err6);
  }
  errors++;
  }
  for(const key0 in data){
  if(!(func1.call(schema91.properties, key0))){
  const err7 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties",schema:false,parentSchema:schema91,data};
  if(vErrors === null){
  vErrors = [err7];
  }
  else {
  vErrors.push(err7);
  }
  errors++;
  }
  }
  if(data.type !== undefined){
  let data0 = data.type;
  if("instrument" !== data0){
  const err8 = {instancePath:instancePath+"/type",schemaPath:"#/properties/type/const",keyword:"const",params:{allowedValue: "instrument"},message:"must be equal to constant",schema:"instrument",parentSchema:schema91.properties.type,data:data0};
  if(vErrors === null){
  vErrors = [err8];
  }
  else {
  vErrors.push(err8);
  }
  errors++;
  }
  }
  if(data.id !== undefined){
  let data1 = data.id;
  if(typeof data1 === "string"){
  if(!pattern8.test(data1)){
  const err9 = {instancePath:instancePath+"/id",schemaPath:"common.schema.json#/$defs/Id/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z][A-Za-z0-9_.-]{0,63}$"},message:"must match pattern \""+"^[A-Za-z][A-Za-z0-9_.-]{0,63}$"+"\"",schema:"^[A-Za-z][A-Za-z0-9_.-]{0,63}$",parentSchema:schema39,data:data1};
  if(vErrors === null){
  vErrors = [err9];
  }
  else {
  vErrors.push(err9);
  }
  errors++;
  }
  }
  else {
  const err10 = {instancePath:instancePath+"/id",schemaPath:"common.schema.json#/$defs/Id/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema39.type,parentSchema:schema39,data:data1};
  if(vErrors === null){
  vErrors = [err10];
  }
  else {
  vErrors.push(err10);
  }
  errors++;
  }
  }
  if(data.visibleWhen !== undefined){
  if(!(validate109(data.visibleWhen, {instancePath:instancePath+"/visibleWhen",parentData:data,parentDataProperty:"visibleWhen",rootData,dynamicAnchors}))){
  vErrors = vErrors === null ? validate109.errors : vErrors.concat(validate109.errors);
  errors = vErrors.length;
  }
  }
  if(data.name !== undefined){
  if(!(validate122(data.name, {instancePath:instancePath+"/name",parentData:data,parentDataProperty:"name",rootData,dynamicAnchors}))){
  vErrors = vErrors === null ? validate122.errors : vErrors.concat(validate122.errors);
  errors = vErrors.length;
  }
  }
  if(data.abbreviation !== undefined){
  let data4 = data.abbreviation;
  if(typeof data4 === "string"){
  if(func2(data4) > 20){
  const err11 = {instancePath:instancePath+"/abbreviation",schemaPath:"#/properties/abbreviation/maxLength",keyword:"maxLength",params:{limit: 20},message:"must NOT have more than 20 characters",schema:20,parentSchema:schema91.properties.abbreviation,data:data4};
  if(vErrors === null){
  vErrors = [err11];
  }
  else {
  vErrors.push(err11);
  }
  errors++;
  }
  if(func2(data4) < 1){
  const err12 = {instancePath:instancePath+"/abbreviation",schemaPath:"#/properties/abbreviation/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema91.properties.abbreviation,data:data4};
  if(vErrors === null){
  vErrors = [err12];
  }
  else {
  vErrors.push(err12);
  }
  errors++;
  }
  }
  else {
  const err13 = {instancePath:instancePath+"/abbreviation",schemaPath:"#/properties/abbreviation/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema91.properties.abbreviation.type,parentSchema:schema91.properties.abbreviation,data:data4};
  if(vErrors === null){
  vErrors = [err13];
  }
  else {
  vErrors.push(err13);
  }
  errors++;
  }
  }
  if(data.instructions !== undefined){
  if(!(validate122(data.instructions, {instancePath:instancePath+"/instructions",parentData:data,parentDataProperty:"instructions",rootData,dynamicAnchors}))){
  vErrors = vErrors === null ? validate122.errors : vErrors.concat(validate122.errors);
  errors = vErrors.length;
  }
  }
  if(data.codes !== undefined){
  let data6 = data.codes;
  if(data6 && typeof data6 == "object" && !Array.isArray(data6)){
  if(data6.system === undefined){
  const err14 = {instancePath:instancePath+"/codes",schemaPath:"#/$defs/InstrumentCodes/required",keyword:"required",params:{missingProperty: "system"},message:"must have required property '"+"system"+"'",schema:schema96.required,parentSchema:schema96,data:data6};
  if(vErrors === null){
  vErrors = [err14];
  }
  else {
  vErrors.push(err14);
  }
  errors++;
  }
  for(const key1 in data6){
  if(!(((key1 === "system") || (key1 === "panel")) || (key1 === "total"))){
  const err15 = {instancePath:instancePath+"/codes",schemaPath:"#/$defs/InstrumentCodes/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key1},message:"must NOT have additional properties",schema:false,parentSchema:schema96,data:data6};
  if(vErrors === null){
  vErrors = [err15];
  }
  else {
  vErrors.push(err15);
  }
  errors++;
  }
  }
  if(data6.system !== undefined){
  let data7 = data6.system;
  if(typeof data7 === "string"){
  if(!(formats0(data7))){
  const err16 = {instancePath:instancePath+"/codes/system",schemaPath:"#/$defs/InstrumentCodes/properties/system/format",keyword:"format",params:{format: "uri"},message:"must match format \""+"uri"+"\"",schema:"uri",parentSchema:schema96.properties.system,data:data7};
  if(vErrors === null){
  vErrors = [err16];
  }
  else {
  vErrors.push(err16);
  }
  errors++;
  }
  }
  else {
  const err17 = {instancePath:instancePath+"/codes/system",schemaPath:"#/$defs/InstrumentCodes/properties/system/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema96.properties.system.type,parentSchema:schema96.properties.system,data:data7};
  if(vErrors === null){
  vErrors = [err17];
  }
  else {
  vErrors.push(err17);
  }
  errors++;
  }
  }
  if(data6.panel !== undefined){
  let data8 = data6.panel;
  if(typeof data8 === "string"){
  if(func2(data8) > 40){
  const err18 = {instancePath:instancePath+"/codes/panel",schemaPath:"#/$defs/InstrumentCodes/properties/panel/maxLength",keyword:"maxLength",params:{limit: 40},message:"must NOT have more than 40 characters",schema:40,parentSchema:schema96.properties.panel,data:data8};
  if(vErrors === null){
  vErrors = [err18];
  }
  else {
  vErrors.push(err18);
  }
  errors++;
  }
  }
  else {
  const err19 = {instancePath:instancePath+"/codes/panel",schemaPath:"#/$defs/InstrumentCodes/properties/panel/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema96.properties.panel.type,parentSchema:schema96.properties.panel,data:data8};
  if(vErrors === null){
  vErrors = [err19];
  }
  else {
  vErrors.push(err19);
  }
  errors++;
  }
  }
  if(data6.total !== undefined){
  let data9 = data6.total;
  if(typeof data9 === "string"){
  if(func2(data9) > 40){
  const err20 = {instancePath:instancePath+"/codes/total",schemaPath:"#/$defs/InstrumentCodes/properties/total/maxLength",keyword:"maxLength",params:{limit: 40},message:"must NOT have more than 40 characters",schema:40,parentSchema:schema96.properties.total,data:data9};
  if(vErrors === null){
  vErrors = [err20];
  }
  else {
  vErrors.push(err20);
  }
  errors++;
  }
  }
  else {
  const err21 = {instancePath:instancePath+"/codes/total",schemaPath:"#/$defs/InstrumentCodes/properties/total/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema96.properties.total.type,parentSchema:schema96.properties.total,data:data9};
  if(vErrors === null){
  vErrors = [err21];
  }
  else {
  vErrors.push(err21);
  }
  errors++;
  }
  }
  }
  else {
  const err22 = {instancePath:instancePath+"/codes",schemaPath:"#/$defs/InstrumentCodes/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema96.type,parentSchema:schema96,data:data6};
  if(vErrors === null){
  vErrors = [err22];
  }
  else {
  vErrors.push(err22);
  }
  errors++;
  }
  }
  if(data.licence !== undefined){
  let data10 = data.licence;
  if(data10 && typeof data10 == "object" && !Array.isArray(data10)){
  if(data10.name === undefined){
  const err23 = {instancePath:instancePath+"/licence",schemaPath:"#/$defs/Licence/required",keyword:"required",params:{missingProperty: "name"},message:"must have required property '"+"name"+"'",schema:schema97.required,parentSchema:schema97,data:data10};
  if(vErrors === null){
  vErrors = [err23];
  }
  else {
  vErrors.push(err23);
  }
  errors++;
  }
  if(data10.attribution === undefined){
  const err24 = {instancePath:instancePath+"/licence",schemaPath:"#/$defs/Licence/required",keyword:"required",params:{missingProperty: "attribution"},message:"must have required property '"+"attribution"+"'",schema:schema97.required,parentSchema:schema97,data:data10};
  if(vErrors === null){
  vErrors = [err24];
  }
  else {
  vErrors.push(err24);
  }
  errors++;
  }
  for(const key2 in data10){
  if(!(((key2 === "name") || (key2 === "url")) || (key2 === "attribution"))){
  const err25 = {instancePath:instancePath+"/licence",schemaPath:"#/$defs/Licence/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key2},message:"must NOT have additional properties",schema:false,parentSchema:schema97,data:data10};
  if(vErrors === null){
  vErrors = [err25];
  }
  else {
  vErrors.push(err25);
  }
  errors++;
  }
  }
  if(data10.name !== undefined){
  let data11 = data10.name;
  if(typeof data11 === "string"){
  if(func2(data11) > 200){
  const err26 = {instancePath:instancePath+"/licence/name",schemaPath:"#/$defs/Licence/properties/name/maxLength",keyword:"maxLength",params:{limit: 200},message:"must NOT have more than 200 characters",schema:200,parentSchema:schema97.properties.name,data:data11};
  if(vErrors === null){
  vErrors = [err26];
  }
  else {
  vErrors.push(err26);
  }
  errors++;
  }
  if(func2(data11) < 1){
  const err27 = {instancePath:instancePath+"/licence/name",schemaPath:"#/$defs/Licence/properties/name/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema97.properties.name,data:data11};
  if(vErrors === null){
  vErrors = [err27];
  }
  else {
  vErrors.push(err27);
  }
  errors++;
  }
  }
  else {
  const err28 = {instancePath:instancePath+"/licence/name",schemaPath:"#/$defs/Licence/properties/name/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema97.properties.name.type,parentSchema:schema97.properties.name,data:data11};
  if(vErrors === null){
  vErrors = [err28];
  }
  else {
  vErrors.push(err28);
  }
  errors++;
  }
  }
  if(data10.url !== undefined){
  let data12 = data10.url;
  if(typeof data12 === "string"){
  if(!(formats0(data12))){
  const err29 = {instancePath:instancePath+"/licence/url",schemaPath:"#/$defs/Licence/properties/url/format",keyword:"format",params:{format: "uri"},message:"must match format \""+"uri"+"\"",schema:"uri",parentSchema:schema97.properties.url,data:data12};
  if(vErrors === null){
  vErrors = [err29];
  }
  else {
  vErrors.push(err29);
  }
  errors++;
  }
  }
  else {
  const err30 = {instancePath:instancePath+"/licence/url",schemaPath:"#/$defs/Licence/properties/url/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema97.properties.url.type,parentSchema:schema97.properties.url,data:data12};
  if(vErrors === null){
  vErrors = [err30];
  }
  else {
  vErrors.push(err30);
  }
  errors++;
  }
  }
  if(data10.attribution !== undefined){
  let data13 = data10.attribution;
  if(typeof data13 === "string"){
  if(func2(data13) > 1000){
  const err31 = {instancePath:instancePath+"/licence/attribution",schemaPath:"#/$defs/Licence/properties/attribution/maxLength",keyword:"maxLength",params:{limit: 1000},message:"must NOT have more than 1000 characters",schema:1000,parentSchema:schema97.properties.attribution,data:data13};
  if(vErrors === null){
  vErrors = [err31];
  }
  else {
  vErrors.push(err31);
  }
  errors++;
  }
  if(func2(data13) < 1){
  const err32 = {instancePath:instancePath+"/licence/attribution",schemaPath:"#/$defs/Licence/properties/attribution/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema97.properties.attribution,data:data13};
  if(vErrors === null){
  vErrors = [err32];
  }
  else {
  vErrors.push(err32);
  }
  errors++;
  }
  }
  else {
  const err33 = {instancePath:instancePath+"/licence/attribution",schemaPath:"#/$defs/Licence/properties/attribution/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema97.properties.attribution.type,parentSchema:schema97.properties.attribution,data:data13};
  if(vErrors === null){
  vErrors = [err33];
  }
  else {
  vErrors.push(err33);
  }
  errors++;
  }
  }
  }
  else {
  const err34 = {instancePath:instancePath+"/licence",schemaPath:"#/$defs/Licence/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema97.type,parentSchema:schema97,data:data10};
  if(vErrors === null){
  vErrors = [err34];
  }
  else {
  vErrors.push(err34);
  }
  errors++;
  }
  }
  if(data.locked !== undefined){
  let data14 = data.locked;
  if(typeof data14 !== "boolean"){
  const err35 = {instancePath:instancePath+"/locked",schemaPath:"#/properties/locked/type",keyword:"type",params:{type: "boolean"},message:"must be boolean",schema:schema91.properties.locked.type,parentSchema:schema91.properties.locked,data:data14};
  if(vErrors === null){
  vErrors = [err35];
  }
  else {
  vErrors.push(err35);
  }
  errors++;
  }
  }
  if(data.options !== undefined){
  let data15 = data.options;
  if(Array.isArray(data15)){
  if(data15.length < 2){
  const err36 = {instancePath:instancePath+"/options",schemaPath:"#/properties/options/minItems",keyword:"minItems",params:{limit: 2},message:"must NOT have fewer than 2 items",schema:2,parentSchema:schema91.properties.options,data:data15};
  if(vErrors === null){
  vErrors = [err36];
  }
  else {
  vErrors.push(err36);
  }
  errors++;
  }
  const len0 = data15.length;
  for(let i0=0; i0<len0; i0++){
  if(!(validate125(data15[i0], {instancePath:instancePath+"/options/" + i0,parentData:data15,parentDataProperty:i0,rootData,dynamicAnchors}))){
  vErrors = vErrors === null ? validate125.errors : vErrors.concat(validate125.errors);
  errors = vErrors.length;
  }
  }
  }
  else {
  const err37 = {instancePath:instancePath+"/options",schemaPath:"#/properties/options/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema91.properties.options.type,parentSchema:schema91.properties.options,data:data15};
  if(vErrors === null){
  vErrors = [err37];
  }
  else {
  vErrors.push(err37);
  }
  errors++;
  }
  }
  if(data.items !== undefined){
  let data17 = data.items;
  if(Array.isArray(data17)){
  if(data17.length < 1){
  const err38 = {instancePath:instancePath+"/items",schemaPath:"#/properties/items/minItems",keyword:"minItems",params:{limit: 1},message:"must NOT have fewer than 1 items",schema:1,parentSchema:schema91.properties.items,data:data17};
  if(vErrors === null){
  vErrors = [err38];
  }
  else {
  vErrors.push(err38);
  }
  errors++;
  }
  const len1 = data17.length;
  for(let i1=0; i1<len1; i1++){
  if(!(validate128(data17[i1], {instancePath:instancePath+"/items/" + i1,parentData:data17,parentDataProperty:i1,rootData,dynamicAnchors}))){
  vErrors = vErrors === null ? validate128.errors : vErrors.concat(validate128.errors);
  errors = vErrors.length;
  }
  }
  }
  else {
  const err39 = {instancePath:instancePath+"/items",schemaPath:"#/properties/items/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema91.properties.items.type,parentSchema:schema91.properties.items,data:data17};
  if(vErrors === null){
  vErrors = [err39];
  }
  else {
  vErrors.push(err39);
  }
  errors++;
  }
  }
  if(data.scoring !== undefined){
  if(!(validate132(data.scoring, {instancePath:instancePath+"/scoring",parentData:data,parentDataProperty:"scoring",rootData,dynamicAnchors}))){
  vErrors = vErrors === null ? validate132.errors : vErrors.concat(validate132.errors);
  errors = vErrors.length;
  }
  }
  if(data.tests !== undefined){
  let data20 = data.tests;
  if(Array.isArray(data20)){
  if(data20.length < 1){
  const err40 = {instancePath:instancePath+"/tests",schemaPath:"#/properties/tests/minItems",keyword:"minItems",params:{limit: 1},message:"must NOT have fewer than 1 items",schema:1,parentSchema:schema91.properties.tests,data:data20};
  if(vErrors === null){
  vErrors = [err40];
  }
  else {
  vErrors.push(err40);
  }
  errors++;
  }
  const len2 = data20.length;
  for(let i2=0; i2<len2; i2++){
  if(!(validate147(data20[i2], {instancePath:instancePath+"/tests/" + i2,parentData:data20,parentDataProperty:i2,rootData,dynamicAnchors}))){
  vErrors = vErrors === null ? validate147.errors : vErrors.concat(validate147.errors);
  errors = vErrors.length;
  }
  }
  }
  else {
  const err41 = {instancePath:instancePath+"/tests",schemaPath:"#/properties/tests/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema91.properties.tests.type,parentSchema:schema91.properties.tests,data:data20};
  if(vErrors === null){
  vErrors = [err41];
  }
  else {
  vErrors.push(err41);
  }
  errors++;
  }
  }
  }
  else {
  const err42 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema91.type,parentSchema:schema91,data};
  if(vErrors === null){
  vErrors = [err42];
  }
  else {
  vErrors.push(err42);
  }
  errors++;
  }
  validate108.errors = vErrors;
  return errors === 0;
  }
  validate108.evaluated = {"props":true,"dynamicProps":false,"dynamicItems":false};

  const schema128 = careloomRuntime.schemaFiles["module.schema.json"].$defs.ExerciseBlock;
  const schema130 = careloomRuntime.schemaFiles["module.schema.json"].$defs.Field;

  function validate153(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
  let vErrors = null;
  let errors = 0;
  const evaluated0 = validate153.evaluated;
  if(evaluated0.dynamicProps){
  evaluated0.props = undefined;
  }
  if(evaluated0.dynamicItems){
  evaluated0.items = undefined;
  }
  if(data && typeof data == "object" && !Array.isArray(data)){
  if(data.id === undefined){
  const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "id"},message:"must have required property '"+"id"+"'",schema:schema130.required,parentSchema:schema130,data};
  if(vErrors === null){
  vErrors = [err0];
  }
  else {
  vErrors.push(err0);
  }
  errors++;
  }
  if(data.label === undefined){
  const err1 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "label"},message:"must have required property '"+"label"+"'",schema:schema130.required,parentSchema:schema130,data};
  if(vErrors === null){
  vErrors = [err1];
  }
  else {
  vErrors.push(err1);
  }
  errors++;
  }
  if(data.input === undefined){
  const err2 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "input"},message:"must have required property '"+"input"+"'",schema:schema130.required,parentSchema:schema130,data};
  if(vErrors === null){
  vErrors = [err2];
  }
  else {
  vErrors.push(err2);
  }
  errors++;
  }
  for(const key0 in data){
  if(!(((((key0 === "id") || (key0 === "label")) || (key0 === "help")) || (key0 === "required")) || (key0 === "input"))){
  const err3 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties",schema:false,parentSchema:schema130,data};
  if(vErrors === null){
  vErrors = [err3];
  }
  else {
  vErrors.push(err3);
  }
  errors++;
  }
  }
  if(data.id !== undefined){
  let data0 = data.id;
  if(typeof data0 === "string"){
  if(!pattern8.test(data0)){
  const err4 = {instancePath:instancePath+"/id",schemaPath:"common.schema.json#/$defs/Id/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z][A-Za-z0-9_.-]{0,63}$"},message:"must match pattern \""+"^[A-Za-z][A-Za-z0-9_.-]{0,63}$"+"\"",schema:"^[A-Za-z][A-Za-z0-9_.-]{0,63}$",parentSchema:schema39,data:data0};
  if(vErrors === null){
  vErrors = [err4];
  }
  else {
  vErrors.push(err4);
  }
  errors++;
  }
  }
  else {
  const err5 = {instancePath:instancePath+"/id",schemaPath:"common.schema.json#/$defs/Id/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema39.type,parentSchema:schema39,data:data0};
  if(vErrors === null){
  vErrors = [err5];
  }
  else {
  vErrors.push(err5);
  }
  errors++;
  }
  }
  if(data.label !== undefined){
  if(!(validate22(data.label, {instancePath:instancePath+"/label",parentData:data,parentDataProperty:"label",rootData,dynamicAnchors}))){
  vErrors = vErrors === null ? validate22.errors : vErrors.concat(validate22.errors);
  errors = vErrors.length;
  }
  }
  if(data.help !== undefined){
  if(!(validate22(data.help, {instancePath:instancePath+"/help",parentData:data,parentDataProperty:"help",rootData,dynamicAnchors}))){
  vErrors = vErrors === null ? validate22.errors : vErrors.concat(validate22.errors);
  errors = vErrors.length;
  }
  }
  if(data.required !== undefined){
  let data3 = data.required;
  if(typeof data3 !== "boolean"){
  const err6 = {instancePath:instancePath+"/required",schemaPath:"#/properties/required/type",keyword:"type",params:{type: "boolean"},message:"must be boolean",schema:schema130.properties.required.type,parentSchema:schema130.properties.required,data:data3};
  if(vErrors === null){
  vErrors = [err6];
  }
  else {
  vErrors.push(err6);
  }
  errors++;
  }
  }
  if(data.input !== undefined){
  if(!(validate77(data.input, {instancePath:instancePath+"/input",parentData:data,parentDataProperty:"input",rootData,dynamicAnchors}))){
  vErrors = vErrors === null ? validate77.errors : vErrors.concat(validate77.errors);
  errors = vErrors.length;
  }
  }
  }
  else {
  const err7 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema130.type,parentSchema:schema130,data};
  if(vErrors === null){
  vErrors = [err7];
  }
  else {
  vErrors.push(err7);
  }
  errors++;
  }
  validate153.errors = vErrors;
  return errors === 0;
  }
  validate153.evaluated = {"props":true,"dynamicProps":false,"dynamicItems":false};


  function validate149(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
  let vErrors = null;
  let errors = 0;
  const evaluated0 = validate149.evaluated;
  if(evaluated0.dynamicProps){
  evaluated0.props = undefined;
  }
  if(evaluated0.dynamicItems){
  evaluated0.items = undefined;
  }
  if(data && typeof data == "object" && !Array.isArray(data)){
  if(data.type === undefined){
  const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "type"},message:"must have required property '"+"type"+"'",schema:schema128.required,parentSchema:schema128,data};
  if(vErrors === null){
  vErrors = [err0];
  }
  else {
  vErrors.push(err0);
  }
  errors++;
  }
  if(data.id === undefined){
  const err1 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "id"},message:"must have required property '"+"id"+"'",schema:schema128.required,parentSchema:schema128,data};
  if(vErrors === null){
  vErrors = [err1];
  }
  else {
  vErrors.push(err1);
  }
  errors++;
  }
  if(data.title === undefined){
  const err2 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "title"},message:"must have required property '"+"title"+"'",schema:schema128.required,parentSchema:schema128,data};
  if(vErrors === null){
  vErrors = [err2];
  }
  else {
  vErrors.push(err2);
  }
  errors++;
  }
  if(data.instructions === undefined){
  const err3 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "instructions"},message:"must have required property '"+"instructions"+"'",schema:schema128.required,parentSchema:schema128,data};
  if(vErrors === null){
  vErrors = [err3];
  }
  else {
  vErrors.push(err3);
  }
  errors++;
  }
  for(const key0 in data){
  if(!(((((((key0 === "type") || (key0 === "id")) || (key0 === "visibleWhen")) || (key0 === "title")) || (key0 === "instructions")) || (key0 === "practiceDays")) || (key0 === "fields"))){
  const err4 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties",schema:false,parentSchema:schema128,data};
  if(vErrors === null){
  vErrors = [err4];
  }
  else {
  vErrors.push(err4);
  }
  errors++;
  }
  }
  if(data.type !== undefined){
  let data0 = data.type;
  if("exercise" !== data0){
  const err5 = {instancePath:instancePath+"/type",schemaPath:"#/properties/type/const",keyword:"const",params:{allowedValue: "exercise"},message:"must be equal to constant",schema:"exercise",parentSchema:schema128.properties.type,data:data0};
  if(vErrors === null){
  vErrors = [err5];
  }
  else {
  vErrors.push(err5);
  }
  errors++;
  }
  }
  if(data.id !== undefined){
  let data1 = data.id;
  if(typeof data1 === "string"){
  if(!pattern8.test(data1)){
  const err6 = {instancePath:instancePath+"/id",schemaPath:"common.schema.json#/$defs/Id/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z][A-Za-z0-9_.-]{0,63}$"},message:"must match pattern \""+"^[A-Za-z][A-Za-z0-9_.-]{0,63}$"+"\"",schema:"^[A-Za-z][A-Za-z0-9_.-]{0,63}$",parentSchema:schema39,data:data1};
  if(vErrors === null){
  vErrors = [err6];
  }
  else {
  vErrors.push(err6);
  }
  errors++;
  }
  }
  else {
  const err7 = {instancePath:instancePath+"/id",schemaPath:"common.schema.json#/$defs/Id/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema39.type,parentSchema:schema39,data:data1};
  if(vErrors === null){
  vErrors = [err7];
  }
  else {
  vErrors.push(err7);
  }
  errors++;
  }
  }
  if(data.visibleWhen !== undefined){
  if(!(validate28(data.visibleWhen, {instancePath:instancePath+"/visibleWhen",parentData:data,parentDataProperty:"visibleWhen",rootData,dynamicAnchors}))){
  vErrors = vErrors === null ? validate28.errors : vErrors.concat(validate28.errors);
  errors = vErrors.length;
  }
  }
  if(data.title !== undefined){
  if(!(validate22(data.title, {instancePath:instancePath+"/title",parentData:data,parentDataProperty:"title",rootData,dynamicAnchors}))){
  vErrors = vErrors === null ? validate22.errors : vErrors.concat(validate22.errors);
  errors = vErrors.length;
  }
  }
  if(data.instructions !== undefined){
  if(!(validate50(data.instructions, {instancePath:instancePath+"/instructions",parentData:data,parentDataProperty:"instructions",rootData,dynamicAnchors}))){
  vErrors = vErrors === null ? validate50.errors : vErrors.concat(validate50.errors);
  errors = vErrors.length;
  }
  }
  if(data.practiceDays !== undefined){
  let data5 = data.practiceDays;
  if(!(((typeof data5 == "number") && (!(data5 % 1) && !isNaN(data5))) && (isFinite(data5)))){
  const err8 = {instancePath:instancePath+"/practiceDays",schemaPath:"#/properties/practiceDays/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema128.properties.practiceDays.type,parentSchema:schema128.properties.practiceDays,data:data5};
  if(vErrors === null){
  vErrors = [err8];
  }
  else {
  vErrors.push(err8);
  }
  errors++;
  }
  if((typeof data5 == "number") && (isFinite(data5))){
  if(data5 > 366 || isNaN(data5)){
  const err9 = {instancePath:instancePath+"/practiceDays",schemaPath:"#/properties/practiceDays/maximum",keyword:"maximum",params:{comparison: "<=", limit: 366},message:"must be <= 366",schema:366,parentSchema:schema128.properties.practiceDays,data:data5};
  if(vErrors === null){
  vErrors = [err9];
  }
  else {
  vErrors.push(err9);
  }
  errors++;
  }
  if(data5 < 1 || isNaN(data5)){
  const err10 = {instancePath:instancePath+"/practiceDays",schemaPath:"#/properties/practiceDays/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1",schema:1,parentSchema:schema128.properties.practiceDays,data:data5};
  if(vErrors === null){
  vErrors = [err10];
  }
  else {
  vErrors.push(err10);
  }
  errors++;
  }
  }
  }
  if(data.fields !== undefined){
  let data6 = data.fields;
  if(Array.isArray(data6)){
  const len0 = data6.length;
  for(let i0=0; i0<len0; i0++){
  if(!(validate153(data6[i0], {instancePath:instancePath+"/fields/" + i0,parentData:data6,parentDataProperty:i0,rootData,dynamicAnchors}))){
  vErrors = vErrors === null ? validate153.errors : vErrors.concat(validate153.errors);
  errors = vErrors.length;
  }
  }
  }
  else {
  const err11 = {instancePath:instancePath+"/fields",schemaPath:"#/properties/fields/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema128.properties.fields.type,parentSchema:schema128.properties.fields,data:data6};
  if(vErrors === null){
  vErrors = [err11];
  }
  else {
  vErrors.push(err11);
  }
  errors++;
  }
  }
  }
  else {
  const err12 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema128.type,parentSchema:schema128,data};
  if(vErrors === null){
  vErrors = [err12];
  }
  else {
  vErrors.push(err12);
  }
  errors++;
  }
  validate149.errors = vErrors;
  return errors === 0;
  }
  validate149.evaluated = {"props":true,"dynamicProps":false,"dynamicItems":false};

  const schema132 = careloomRuntime.schemaFiles["module.schema.json"].$defs.RegistrationBlock;
  const schema134 = careloomRuntime.schemaFiles["module.schema.json"].$defs.ZonePlan;

  function validate163(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
  let vErrors = null;
  let errors = 0;
  const evaluated0 = validate163.evaluated;
  if(evaluated0.dynamicProps){
  evaluated0.props = undefined;
  }
  if(evaluated0.dynamicItems){
  evaluated0.items = undefined;
  }
  if(data && typeof data == "object" && !Array.isArray(data)){
  if(data.rules === undefined){
  const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "rules"},message:"must have required property '"+"rules"+"'",schema:schema134.required,parentSchema:schema134,data};
  if(vErrors === null){
  vErrors = [err0];
  }
  else {
  vErrors.push(err0);
  }
  errors++;
  }
  if(data.actions === undefined){
  const err1 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "actions"},message:"must have required property '"+"actions"+"'",schema:schema134.required,parentSchema:schema134,data};
  if(vErrors === null){
  vErrors = [err1];
  }
  else {
  vErrors.push(err1);
  }
  errors++;
  }
  for(const key0 in data){
  if(!((key0 === "rules") || (key0 === "actions"))){
  const err2 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties",schema:false,parentSchema:schema134,data};
  if(vErrors === null){
  vErrors = [err2];
  }
  else {
  vErrors.push(err2);
  }
  errors++;
  }
  }
  if(data.rules !== undefined){
  let data0 = data.rules;
  if(Array.isArray(data0)){
  if(data0.length < 1){
  const err3 = {instancePath:instancePath+"/rules",schemaPath:"#/properties/rules/minItems",keyword:"minItems",params:{limit: 1},message:"must NOT have fewer than 1 items",schema:1,parentSchema:schema134.properties.rules,data:data0};
  if(vErrors === null){
  vErrors = [err3];
  }
  else {
  vErrors.push(err3);
  }
  errors++;
  }
  const len0 = data0.length;
  for(let i0=0; i0<len0; i0++){
  let data1 = data0[i0];
  if(data1 && typeof data1 == "object" && !Array.isArray(data1)){
  if(data1.id === undefined){
  const err4 = {instancePath:instancePath+"/rules/" + i0,schemaPath:"#/properties/rules/items/required",keyword:"required",params:{missingProperty: "id"},message:"must have required property '"+"id"+"'",schema:schema134.properties.rules.items.required,parentSchema:schema134.properties.rules.items,data:data1};
  if(vErrors === null){
  vErrors = [err4];
  }
  else {
  vErrors.push(err4);
  }
  errors++;
  }
  if(data1.zone === undefined){
  const err5 = {instancePath:instancePath+"/rules/" + i0,schemaPath:"#/properties/rules/items/required",keyword:"required",params:{missingProperty: "zone"},message:"must have required property '"+"zone"+"'",schema:schema134.properties.rules.items.required,parentSchema:schema134.properties.rules.items,data:data1};
  if(vErrors === null){
  vErrors = [err5];
  }
  else {
  vErrors.push(err5);
  }
  errors++;
  }
  if(data1.when === undefined){
  const err6 = {instancePath:instancePath+"/rules/" + i0,schemaPath:"#/properties/rules/items/required",keyword:"required",params:{missingProperty: "when"},message:"must have required property '"+"when"+"'",schema:schema134.properties.rules.items.required,parentSchema:schema134.properties.rules.items,data:data1};
  if(vErrors === null){
  vErrors = [err6];
  }
  else {
  vErrors.push(err6);
  }
  errors++;
  }
  for(const key1 in data1){
  if(!(((((key1 === "id") || (key1 === "zone")) || (key1 === "when")) || (key1 === "explanation")) || (key1 === "alert"))){
  const err7 = {instancePath:instancePath+"/rules/" + i0,schemaPath:"#/properties/rules/items/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key1},message:"must NOT have additional properties",schema:false,parentSchema:schema134.properties.rules.items,data:data1};
  if(vErrors === null){
  vErrors = [err7];
  }
  else {
  vErrors.push(err7);
  }
  errors++;
  }
  }
  if(data1.id !== undefined){
  let data2 = data1.id;
  if(typeof data2 === "string"){
  if(!pattern8.test(data2)){
  const err8 = {instancePath:instancePath+"/rules/" + i0+"/id",schemaPath:"common.schema.json#/$defs/Id/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z][A-Za-z0-9_.-]{0,63}$"},message:"must match pattern \""+"^[A-Za-z][A-Za-z0-9_.-]{0,63}$"+"\"",schema:"^[A-Za-z][A-Za-z0-9_.-]{0,63}$",parentSchema:schema39,data:data2};
  if(vErrors === null){
  vErrors = [err8];
  }
  else {
  vErrors.push(err8);
  }
  errors++;
  }
  }
  else {
  const err9 = {instancePath:instancePath+"/rules/" + i0+"/id",schemaPath:"common.schema.json#/$defs/Id/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema39.type,parentSchema:schema39,data:data2};
  if(vErrors === null){
  vErrors = [err9];
  }
  else {
  vErrors.push(err9);
  }
  errors++;
  }
  }
  if(data1.zone !== undefined){
  let data3 = data1.zone;
  if(!((data3 === "yellow") || (data3 === "red"))){
  const err10 = {instancePath:instancePath+"/rules/" + i0+"/zone",schemaPath:"#/properties/rules/items/properties/zone/enum",keyword:"enum",params:{allowedValues: schema134.properties.rules.items.properties.zone.enum},message:"must be equal to one of the allowed values",schema:schema134.properties.rules.items.properties.zone.enum,parentSchema:schema134.properties.rules.items.properties.zone,data:data3};
  if(vErrors === null){
  vErrors = [err10];
  }
  else {
  vErrors.push(err10);
  }
  errors++;
  }
  }
  if(data1.when !== undefined){
  if(!(validate28(data1.when, {instancePath:instancePath+"/rules/" + i0+"/when",parentData:data1,parentDataProperty:"when",rootData,dynamicAnchors}))){
  vErrors = vErrors === null ? validate28.errors : vErrors.concat(validate28.errors);
  errors = vErrors.length;
  }
  }
  if(data1.explanation !== undefined){
  if(!(validate22(data1.explanation, {instancePath:instancePath+"/rules/" + i0+"/explanation",parentData:data1,parentDataProperty:"explanation",rootData,dynamicAnchors}))){
  vErrors = vErrors === null ? validate22.errors : vErrors.concat(validate22.errors);
  errors = vErrors.length;
  }
  }
  if(data1.alert !== undefined){
  let data6 = data1.alert;
  if(typeof data6 !== "boolean"){
  const err11 = {instancePath:instancePath+"/rules/" + i0+"/alert",schemaPath:"#/properties/rules/items/properties/alert/type",keyword:"type",params:{type: "boolean"},message:"must be boolean",schema:schema134.properties.rules.items.properties.alert.type,parentSchema:schema134.properties.rules.items.properties.alert,data:data6};
  if(vErrors === null){
  vErrors = [err11];
  }
  else {
  vErrors.push(err11);
  }
  errors++;
  }
  }
  }
  else {
  const err12 = {instancePath:instancePath+"/rules/" + i0,schemaPath:"#/properties/rules/items/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema134.properties.rules.items.type,parentSchema:schema134.properties.rules.items,data:data1};
  if(vErrors === null){
  vErrors = [err12];
  }
  else {
  vErrors.push(err12);
  }
  errors++;
  }
  }
  }
  else {
  const err13 = {instancePath:instancePath+"/rules",schemaPath:"#/properties/rules/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema134.properties.rules.type,parentSchema:schema134.properties.rules,data:data0};
  if(vErrors === null){
  vErrors = [err13];
  }
  else {
  vErrors.push(err13);
  }
  errors++;
  }
  }
  if(data.actions !== undefined){
  let data7 = data.actions;
  if(data7 && typeof data7 == "object" && !Array.isArray(data7)){
  if(data7.green === undefined){
  const err14 = {instancePath:instancePath+"/actions",schemaPath:"#/properties/actions/required",keyword:"required",params:{missingProperty: "green"},message:"must have required property '"+"green"+"'",schema:schema134.properties.actions.required,parentSchema:schema134.properties.actions,data:data7};
  if(vErrors === null){
  vErrors = [err14];
  }
  else {
  vErrors.push(err14);
  }
  errors++;
  }
  if(data7.yellow === undefined){
  const err15 = {instancePath:instancePath+"/actions",schemaPath:"#/properties/actions/required",keyword:"required",params:{missingProperty: "yellow"},message:"must have required property '"+"yellow"+"'",schema:schema134.properties.actions.required,parentSchema:schema134.properties.actions,data:data7};
  if(vErrors === null){
  vErrors = [err15];
  }
  else {
  vErrors.push(err15);
  }
  errors++;
  }
  if(data7.red === undefined){
  const err16 = {instancePath:instancePath+"/actions",schemaPath:"#/properties/actions/required",keyword:"required",params:{missingProperty: "red"},message:"must have required property '"+"red"+"'",schema:schema134.properties.actions.required,parentSchema:schema134.properties.actions,data:data7};
  if(vErrors === null){
  vErrors = [err16];
  }
  else {
  vErrors.push(err16);
  }
  errors++;
  }
  for(const key2 in data7){
  if(!(((key2 === "green") || (key2 === "yellow")) || (key2 === "red"))){
  const err17 = {instancePath:instancePath+"/actions",schemaPath:"#/properties/actions/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key2},message:"must NOT have additional properties",schema:false,parentSchema:schema134.properties.actions,data:data7};
  if(vErrors === null){
  vErrors = [err17];
  }
  else {
  vErrors.push(err17);
  }
  errors++;
  }
  }
  if(data7.green !== undefined){
  if(!(validate50(data7.green, {instancePath:instancePath+"/actions/green",parentData:data7,parentDataProperty:"green",rootData,dynamicAnchors}))){
  vErrors = vErrors === null ? validate50.errors : vErrors.concat(validate50.errors);
  errors = vErrors.length;
  }
  }
  if(data7.yellow !== undefined){
  if(!(validate50(data7.yellow, {instancePath:instancePath+"/actions/yellow",parentData:data7,parentDataProperty:"yellow",rootData,dynamicAnchors}))){
  vErrors = vErrors === null ? validate50.errors : vErrors.concat(validate50.errors);
  errors = vErrors.length;
  }
  }
  if(data7.red !== undefined){
  if(!(validate50(data7.red, {instancePath:instancePath+"/actions/red",parentData:data7,parentDataProperty:"red",rootData,dynamicAnchors}))){
  vErrors = vErrors === null ? validate50.errors : vErrors.concat(validate50.errors);
  errors = vErrors.length;
  }
  }
  }
  else {
  const err18 = {instancePath:instancePath+"/actions",schemaPath:"#/properties/actions/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema134.properties.actions.type,parentSchema:schema134.properties.actions,data:data7};
  if(vErrors === null){
  vErrors = [err18];
  }
  else {
  vErrors.push(err18);
  }
  errors++;
  }
  }
  }
  else {
  const err19 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema134.type,parentSchema:schema134,data};
  if(vErrors === null){
  vErrors = [err19];
  }
  else {
  vErrors.push(err19);
  }
  errors++;
  }
  validate163.errors = vErrors;
  return errors === 0;
  }
  validate163.evaluated = {"props":true,"dynamicProps":false,"dynamicItems":false};

  const schema136 = careloomRuntime.schemaFiles["module.schema.json"].$defs.Goal;

  function validate170(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
  let vErrors = null;
  let errors = 0;
  const evaluated0 = validate170.evaluated;
  if(evaluated0.dynamicProps){
  evaluated0.props = undefined;
  }
  if(evaluated0.dynamicItems){
  evaluated0.items = undefined;
  }
  if(data && typeof data == "object" && !Array.isArray(data)){
  if(data.field === undefined){
  const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "field"},message:"must have required property '"+"field"+"'",schema:schema136.required,parentSchema:schema136,data};
  if(vErrors === null){
  vErrors = [err0];
  }
  else {
  vErrors.push(err0);
  }
  errors++;
  }
  if(data.aggregate === undefined){
  const err1 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "aggregate"},message:"must have required property '"+"aggregate"+"'",schema:schema136.required,parentSchema:schema136,data};
  if(vErrors === null){
  vErrors = [err1];
  }
  else {
  vErrors.push(err1);
  }
  errors++;
  }
  if(data.period === undefined){
  const err2 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "period"},message:"must have required property '"+"period"+"'",schema:schema136.required,parentSchema:schema136,data};
  if(vErrors === null){
  vErrors = [err2];
  }
  else {
  vErrors.push(err2);
  }
  errors++;
  }
  if(data.comparison === undefined){
  const err3 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "comparison"},message:"must have required property '"+"comparison"+"'",schema:schema136.required,parentSchema:schema136,data};
  if(vErrors === null){
  vErrors = [err3];
  }
  else {
  vErrors.push(err3);
  }
  errors++;
  }
  if(data.target === undefined){
  const err4 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "target"},message:"must have required property '"+"target"+"'",schema:schema136.required,parentSchema:schema136,data};
  if(vErrors === null){
  vErrors = [err4];
  }
  else {
  vErrors.push(err4);
  }
  errors++;
  }
  for(const key0 in data){
  if(!((((((key0 === "field") || (key0 === "aggregate")) || (key0 === "period")) || (key0 === "comparison")) || (key0 === "target")) || (key0 === "label"))){
  const err5 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties",schema:false,parentSchema:schema136,data};
  if(vErrors === null){
  vErrors = [err5];
  }
  else {
  vErrors.push(err5);
  }
  errors++;
  }
  }
  if(data.field !== undefined){
  let data0 = data.field;
  if(typeof data0 === "string"){
  if(!pattern8.test(data0)){
  const err6 = {instancePath:instancePath+"/field",schemaPath:"common.schema.json#/$defs/Id/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z][A-Za-z0-9_.-]{0,63}$"},message:"must match pattern \""+"^[A-Za-z][A-Za-z0-9_.-]{0,63}$"+"\"",schema:"^[A-Za-z][A-Za-z0-9_.-]{0,63}$",parentSchema:schema39,data:data0};
  if(vErrors === null){
  vErrors = [err6];
  }
  else {
  vErrors.push(err6);
  }
  errors++;
  }
  }
  else {
  const err7 = {instancePath:instancePath+"/field",schemaPath:"common.schema.json#/$defs/Id/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema39.type,parentSchema:schema39,data:data0};
  if(vErrors === null){
  vErrors = [err7];
  }
  else {
  vErrors.push(err7);
  }
  errors++;
  }
  }
  if(data.aggregate !== undefined){
  let data1 = data.aggregate;
  if(!(((((data1 === "sum") || (data1 === "mean")) || (data1 === "max")) || (data1 === "min")) || (data1 === "count"))){
  const err8 = {instancePath:instancePath+"/aggregate",schemaPath:"#/properties/aggregate/enum",keyword:"enum",params:{allowedValues: schema136.properties.aggregate.enum},message:"must be equal to one of the allowed values",schema:schema136.properties.aggregate.enum,parentSchema:schema136.properties.aggregate,data:data1};
  if(vErrors === null){
  vErrors = [err8];
  }
  else {
  vErrors.push(err8);
  }
  errors++;
  }
  }
  if(data.period !== undefined){
  let data2 = data.period;
  if(!((data2 === "day") || (data2 === "week"))){
  const err9 = {instancePath:instancePath+"/period",schemaPath:"#/properties/period/enum",keyword:"enum",params:{allowedValues: schema136.properties.period.enum},message:"must be equal to one of the allowed values",schema:schema136.properties.period.enum,parentSchema:schema136.properties.period,data:data2};
  if(vErrors === null){
  vErrors = [err9];
  }
  else {
  vErrors.push(err9);
  }
  errors++;
  }
  }
  if(data.comparison !== undefined){
  let data3 = data.comparison;
  if(!((data3 === "atLeast") || (data3 === "atMost"))){
  const err10 = {instancePath:instancePath+"/comparison",schemaPath:"#/properties/comparison/enum",keyword:"enum",params:{allowedValues: schema136.properties.comparison.enum},message:"must be equal to one of the allowed values",schema:schema136.properties.comparison.enum,parentSchema:schema136.properties.comparison,data:data3};
  if(vErrors === null){
  vErrors = [err10];
  }
  else {
  vErrors.push(err10);
  }
  errors++;
  }
  }
  if(data.target !== undefined){
  let data4 = data.target;
  if(!((typeof data4 == "number") && (isFinite(data4)))){
  const err11 = {instancePath:instancePath+"/target",schemaPath:"#/properties/target/type",keyword:"type",params:{type: "number"},message:"must be number",schema:schema136.properties.target.type,parentSchema:schema136.properties.target,data:data4};
  if(vErrors === null){
  vErrors = [err11];
  }
  else {
  vErrors.push(err11);
  }
  errors++;
  }
  }
  if(data.label !== undefined){
  if(!(validate22(data.label, {instancePath:instancePath+"/label",parentData:data,parentDataProperty:"label",rootData,dynamicAnchors}))){
  vErrors = vErrors === null ? validate22.errors : vErrors.concat(validate22.errors);
  errors = vErrors.length;
  }
  }
  }
  else {
  const err12 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema136.type,parentSchema:schema136,data};
  if(vErrors === null){
  vErrors = [err12];
  }
  else {
  vErrors.push(err12);
  }
  errors++;
  }
  validate170.errors = vErrors;
  return errors === 0;
  }
  validate170.evaluated = {"props":true,"dynamicProps":false,"dynamicItems":false};


  function validate158(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
  let vErrors = null;
  let errors = 0;
  const evaluated0 = validate158.evaluated;
  if(evaluated0.dynamicProps){
  evaluated0.props = undefined;
  }
  if(evaluated0.dynamicItems){
  evaluated0.items = undefined;
  }
  if(data && typeof data == "object" && !Array.isArray(data)){
  if(data.type === undefined){
  const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "type"},message:"must have required property '"+"type"+"'",schema:schema132.required,parentSchema:schema132,data};
  if(vErrors === null){
  vErrors = [err0];
  }
  else {
  vErrors.push(err0);
  }
  errors++;
  }
  if(data.id === undefined){
  const err1 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "id"},message:"must have required property '"+"id"+"'",schema:schema132.required,parentSchema:schema132,data};
  if(vErrors === null){
  vErrors = [err1];
  }
  else {
  vErrors.push(err1);
  }
  errors++;
  }
  if(data.title === undefined){
  const err2 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "title"},message:"must have required property '"+"title"+"'",schema:schema132.required,parentSchema:schema132,data};
  if(vErrors === null){
  vErrors = [err2];
  }
  else {
  vErrors.push(err2);
  }
  errors++;
  }
  if(data.fields === undefined){
  const err3 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "fields"},message:"must have required property '"+"fields"+"'",schema:schema132.required,parentSchema:schema132,data};
  if(vErrors === null){
  vErrors = [err3];
  }
  else {
  vErrors.push(err3);
  }
  errors++;
  }
  for(const key0 in data){
  if(!((((((((key0 === "type") || (key0 === "id")) || (key0 === "visibleWhen")) || (key0 === "title")) || (key0 === "description")) || (key0 === "fields")) || (key0 === "zones")) || (key0 === "goal"))){
  const err4 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties",schema:false,parentSchema:schema132,data};
  if(vErrors === null){
  vErrors = [err4];
  }
  else {
  vErrors.push(err4);
  }
  errors++;
  }
  }
  if(data.type !== undefined){
  let data0 = data.type;
  if("registration" !== data0){
  const err5 = {instancePath:instancePath+"/type",schemaPath:"#/properties/type/const",keyword:"const",params:{allowedValue: "registration"},message:"must be equal to constant",schema:"registration",parentSchema:schema132.properties.type,data:data0};
  if(vErrors === null){
  vErrors = [err5];
  }
  else {
  vErrors.push(err5);
  }
  errors++;
  }
  }
  if(data.id !== undefined){
  let data1 = data.id;
  if(typeof data1 === "string"){
  if(!pattern8.test(data1)){
  const err6 = {instancePath:instancePath+"/id",schemaPath:"common.schema.json#/$defs/Id/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z][A-Za-z0-9_.-]{0,63}$"},message:"must match pattern \""+"^[A-Za-z][A-Za-z0-9_.-]{0,63}$"+"\"",schema:"^[A-Za-z][A-Za-z0-9_.-]{0,63}$",parentSchema:schema39,data:data1};
  if(vErrors === null){
  vErrors = [err6];
  }
  else {
  vErrors.push(err6);
  }
  errors++;
  }
  }
  else {
  const err7 = {instancePath:instancePath+"/id",schemaPath:"common.schema.json#/$defs/Id/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema39.type,parentSchema:schema39,data:data1};
  if(vErrors === null){
  vErrors = [err7];
  }
  else {
  vErrors.push(err7);
  }
  errors++;
  }
  }
  if(data.visibleWhen !== undefined){
  if(!(validate28(data.visibleWhen, {instancePath:instancePath+"/visibleWhen",parentData:data,parentDataProperty:"visibleWhen",rootData,dynamicAnchors}))){
  vErrors = vErrors === null ? validate28.errors : vErrors.concat(validate28.errors);
  errors = vErrors.length;
  }
  }
  if(data.title !== undefined){
  if(!(validate22(data.title, {instancePath:instancePath+"/title",parentData:data,parentDataProperty:"title",rootData,dynamicAnchors}))){
  vErrors = vErrors === null ? validate22.errors : vErrors.concat(validate22.errors);
  errors = vErrors.length;
  }
  }
  if(data.description !== undefined){
  if(!(validate22(data.description, {instancePath:instancePath+"/description",parentData:data,parentDataProperty:"description",rootData,dynamicAnchors}))){
  vErrors = vErrors === null ? validate22.errors : vErrors.concat(validate22.errors);
  errors = vErrors.length;
  }
  }
  if(data.fields !== undefined){
  let data5 = data.fields;
  if(Array.isArray(data5)){
  if(data5.length < 1){
  const err8 = {instancePath:instancePath+"/fields",schemaPath:"#/properties/fields/minItems",keyword:"minItems",params:{limit: 1},message:"must NOT have fewer than 1 items",schema:1,parentSchema:schema132.properties.fields,data:data5};
  if(vErrors === null){
  vErrors = [err8];
  }
  else {
  vErrors.push(err8);
  }
  errors++;
  }
  const len0 = data5.length;
  for(let i0=0; i0<len0; i0++){
  if(!(validate153(data5[i0], {instancePath:instancePath+"/fields/" + i0,parentData:data5,parentDataProperty:i0,rootData,dynamicAnchors}))){
  vErrors = vErrors === null ? validate153.errors : vErrors.concat(validate153.errors);
  errors = vErrors.length;
  }
  }
  }
  else {
  const err9 = {instancePath:instancePath+"/fields",schemaPath:"#/properties/fields/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema132.properties.fields.type,parentSchema:schema132.properties.fields,data:data5};
  if(vErrors === null){
  vErrors = [err9];
  }
  else {
  vErrors.push(err9);
  }
  errors++;
  }
  }
  if(data.zones !== undefined){
  if(!(validate163(data.zones, {instancePath:instancePath+"/zones",parentData:data,parentDataProperty:"zones",rootData,dynamicAnchors}))){
  vErrors = vErrors === null ? validate163.errors : vErrors.concat(validate163.errors);
  errors = vErrors.length;
  }
  }
  if(data.goal !== undefined){
  if(!(validate170(data.goal, {instancePath:instancePath+"/goal",parentData:data,parentDataProperty:"goal",rootData,dynamicAnchors}))){
  vErrors = vErrors === null ? validate170.errors : vErrors.concat(validate170.errors);
  errors = vErrors.length;
  }
  }
  }
  else {
  const err10 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema132.type,parentSchema:schema132,data};
  if(vErrors === null){
  vErrors = [err10];
  }
  else {
  vErrors.push(err10);
  }
  errors++;
  }
  validate158.errors = vErrors;
  return errors === 0;
  }
  validate158.evaluated = {"props":true,"dynamicProps":false,"dynamicItems":false};

  const schema138 = careloomRuntime.schemaFiles["module.schema.json"].$defs.UnitContactBlock;

  function validate173(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
  let vErrors = null;
  let errors = 0;
  const evaluated0 = validate173.evaluated;
  if(evaluated0.dynamicProps){
  evaluated0.props = undefined;
  }
  if(evaluated0.dynamicItems){
  evaluated0.items = undefined;
  }
  if(data && typeof data == "object" && !Array.isArray(data)){
  if(data.type === undefined){
  const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "type"},message:"must have required property '"+"type"+"'",schema:schema138.required,parentSchema:schema138,data};
  if(vErrors === null){
  vErrors = [err0];
  }
  else {
  vErrors.push(err0);
  }
  errors++;
  }
  if(data.id === undefined){
  const err1 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "id"},message:"must have required property '"+"id"+"'",schema:schema138.required,parentSchema:schema138,data};
  if(vErrors === null){
  vErrors = [err1];
  }
  else {
  vErrors.push(err1);
  }
  errors++;
  }
  if(data.show === undefined){
  const err2 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "show"},message:"must have required property '"+"show"+"'",schema:schema138.required,parentSchema:schema138,data};
  if(vErrors === null){
  vErrors = [err2];
  }
  else {
  vErrors.push(err2);
  }
  errors++;
  }
  for(const key0 in data){
  if(!(((((key0 === "type") || (key0 === "id")) || (key0 === "visibleWhen")) || (key0 === "show")) || (key0 === "intro"))){
  const err3 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties",schema:false,parentSchema:schema138,data};
  if(vErrors === null){
  vErrors = [err3];
  }
  else {
  vErrors.push(err3);
  }
  errors++;
  }
  }
  if(data.type !== undefined){
  let data0 = data.type;
  if("unitContact" !== data0){
  const err4 = {instancePath:instancePath+"/type",schemaPath:"#/properties/type/const",keyword:"const",params:{allowedValue: "unitContact"},message:"must be equal to constant",schema:"unitContact",parentSchema:schema138.properties.type,data:data0};
  if(vErrors === null){
  vErrors = [err4];
  }
  else {
  vErrors.push(err4);
  }
  errors++;
  }
  }
  if(data.id !== undefined){
  let data1 = data.id;
  if(typeof data1 === "string"){
  if(!pattern8.test(data1)){
  const err5 = {instancePath:instancePath+"/id",schemaPath:"common.schema.json#/$defs/Id/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z][A-Za-z0-9_.-]{0,63}$"},message:"must match pattern \""+"^[A-Za-z][A-Za-z0-9_.-]{0,63}$"+"\"",schema:"^[A-Za-z][A-Za-z0-9_.-]{0,63}$",parentSchema:schema39,data:data1};
  if(vErrors === null){
  vErrors = [err5];
  }
  else {
  vErrors.push(err5);
  }
  errors++;
  }
  }
  else {
  const err6 = {instancePath:instancePath+"/id",schemaPath:"common.schema.json#/$defs/Id/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema39.type,parentSchema:schema39,data:data1};
  if(vErrors === null){
  vErrors = [err6];
  }
  else {
  vErrors.push(err6);
  }
  errors++;
  }
  }
  if(data.visibleWhen !== undefined){
  if(!(validate28(data.visibleWhen, {instancePath:instancePath+"/visibleWhen",parentData:data,parentDataProperty:"visibleWhen",rootData,dynamicAnchors}))){
  vErrors = vErrors === null ? validate28.errors : vErrors.concat(validate28.errors);
  errors = vErrors.length;
  }
  }
  if(data.show !== undefined){
  let data3 = data.show;
  if(Array.isArray(data3)){
  if(data3.length < 1){
  const err7 = {instancePath:instancePath+"/show",schemaPath:"#/properties/show/minItems",keyword:"minItems",params:{limit: 1},message:"must NOT have fewer than 1 items",schema:1,parentSchema:schema138.properties.show,data:data3};
  if(vErrors === null){
  vErrors = [err7];
  }
  else {
  vErrors.push(err7);
  }
  errors++;
  }
  const len0 = data3.length;
  for(let i0=0; i0<len0; i0++){
  let data4 = data3[i0];
  if(!((((((data4 === "name") || (data4 === "phone")) || (data4 === "crisisPhone")) || (data4 === "openingHours")) || (data4 === "address")) || (data4 === "email"))){
  const err8 = {instancePath:instancePath+"/show/" + i0,schemaPath:"#/properties/show/items/enum",keyword:"enum",params:{allowedValues: schema138.properties.show.items.enum},message:"must be equal to one of the allowed values",schema:schema138.properties.show.items.enum,parentSchema:schema138.properties.show.items,data:data4};
  if(vErrors === null){
  vErrors = [err8];
  }
  else {
  vErrors.push(err8);
  }
  errors++;
  }
  }
  let i1 = data3.length;
  let j0;
  if(i1 > 1){
  outer0:
  for(;i1--;){
  for(j0 = i1; j0--;){
  if(func0(data3[i1], data3[j0])){
  const err9 = {instancePath:instancePath+"/show",schemaPath:"#/properties/show/uniqueItems",keyword:"uniqueItems",params:{i: i1, j: j0},message:"must NOT have duplicate items (items ## "+j0+" and "+i1+" are identical)",schema:true,parentSchema:schema138.properties.show,data:data3};
  if(vErrors === null){
  vErrors = [err9];
  }
  else {
  vErrors.push(err9);
  }
  errors++;
  break outer0;
  }
  }
  }
  }
  }
  else {
  const err10 = {instancePath:instancePath+"/show",schemaPath:"#/properties/show/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema138.properties.show.type,parentSchema:schema138.properties.show,data:data3};
  if(vErrors === null){
  vErrors = [err10];
  }
  else {
  vErrors.push(err10);
  }
  errors++;
  }
  }
  if(data.intro !== undefined){
  if(!(validate22(data.intro, {instancePath:instancePath+"/intro",parentData:data,parentDataProperty:"intro",rootData,dynamicAnchors}))){
  vErrors = vErrors === null ? validate22.errors : vErrors.concat(validate22.errors);
  errors = vErrors.length;
  }
  }
  }
  else {
  const err11 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema138.type,parentSchema:schema138,data};
  if(vErrors === null){
  vErrors = [err11];
  }
  else {
  vErrors.push(err11);
  }
  errors++;
  }
  validate173.errors = vErrors;
  return errors === 0;
  }
  validate173.evaluated = {"props":true,"dynamicProps":false,"dynamicItems":false};


  function validate47(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
  let vErrors = null;
  let errors = 0;
  const evaluated0 = validate47.evaluated;
  if(evaluated0.dynamicProps){
  evaluated0.props = undefined;
  }
  if(evaluated0.dynamicItems){
  evaluated0.items = undefined;
  }
  if(data && typeof data == "object" && !Array.isArray(data)){
  if(data.type === undefined){
  const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "type"},message:"must have required property '"+"type"+"'",schema:schema51.required,parentSchema:schema51,data};
  if(vErrors === null){
  vErrors = [err0];
  }
  else {
  vErrors.push(err0);
  }
  errors++;
  }
  const tag0 = data.type;
  if(typeof tag0 == "string"){
  if(tag0 === "text"){
  if(!(validate48(data, {instancePath,parentData,parentDataProperty,rootData,dynamicAnchors}))){
  vErrors = vErrors === null ? validate48.errors : vErrors.concat(validate48.errors);
  errors = vErrors.length;
  }
  var props0 = true;
  }
  else if(tag0 === "image"){
  if(!(validate56(data, {instancePath,parentData,parentDataProperty,rootData,dynamicAnchors}))){
  vErrors = vErrors === null ? validate56.errors : vErrors.concat(validate56.errors);
  errors = vErrors.length;
  }
  if(props0 !== true){
  props0 = true;
  }
  }
  else if(tag0 === "film"){
  if(!(validate60(data, {instancePath,parentData,parentDataProperty,rootData,dynamicAnchors}))){
  vErrors = vErrors === null ? validate60.errors : vErrors.concat(validate60.errors);
  errors = vErrors.length;
  }
  if(props0 !== true){
  props0 = true;
  }
  }
  else if(tag0 === "audio"){
  if(!(validate67(data, {instancePath,parentData,parentDataProperty,rootData,dynamicAnchors}))){
  vErrors = vErrors === null ? validate67.errors : vErrors.concat(validate67.errors);
  errors = vErrors.length;
  }
  if(props0 !== true){
  props0 = true;
  }
  }
  else if(tag0 === "question"){
  if(!(validate73(data, {instancePath,parentData,parentDataProperty,rootData,dynamicAnchors}))){
  vErrors = vErrors === null ? validate73.errors : vErrors.concat(validate73.errors);
  errors = vErrors.length;
  }
  if(props0 !== true){
  props0 = true;
  }
  }
  else if(tag0 === "grid"){
  if(!(validate103(data, {instancePath,parentData,parentDataProperty,rootData,dynamicAnchors}))){
  vErrors = vErrors === null ? validate103.errors : vErrors.concat(validate103.errors);
  errors = vErrors.length;
  }
  if(props0 !== true){
  props0 = true;
  }
  }
  else if(tag0 === "instrument"){
  if(!(validate108(data, {instancePath,parentData,parentDataProperty,rootData,dynamicAnchors}))){
  vErrors = vErrors === null ? validate108.errors : vErrors.concat(validate108.errors);
  errors = vErrors.length;
  }
  if(props0 !== true){
  props0 = true;
  }
  }
  else if(tag0 === "exercise"){
  if(!(validate149(data, {instancePath,parentData,parentDataProperty,rootData,dynamicAnchors}))){
  vErrors = vErrors === null ? validate149.errors : vErrors.concat(validate149.errors);
  errors = vErrors.length;
  }
  if(props0 !== true){
  props0 = true;
  }
  }
  else if(tag0 === "registration"){
  if(!(validate158(data, {instancePath,parentData,parentDataProperty,rootData,dynamicAnchors}))){
  vErrors = vErrors === null ? validate158.errors : vErrors.concat(validate158.errors);
  errors = vErrors.length;
  }
  if(props0 !== true){
  props0 = true;
  }
  }
  else if(tag0 === "unitContact"){
  if(!(validate173(data, {instancePath,parentData,parentDataProperty,rootData,dynamicAnchors}))){
  vErrors = vErrors === null ? validate173.errors : vErrors.concat(validate173.errors);
  errors = vErrors.length;
  }
  if(props0 !== true){
  props0 = true;
  }
  }
  else {
  const err1 = {instancePath,schemaPath:"#/discriminator",keyword:"discriminator",params:{error: "mapping", tag: "type", tagValue: tag0},message:"value of tag \"type\" must be in oneOf",schema:schema51.discriminator,parentSchema:schema51,data};
  if(vErrors === null){
  vErrors = [err1];
  }
  else {
  vErrors.push(err1);
  }
  errors++;
  }
  }
  else {
  const err2 = {instancePath,schemaPath:"#/discriminator",keyword:"discriminator",params:{error: "tag", tag: "type", tagValue: tag0},message:"tag \"type\" must be string",schema:schema51.discriminator,parentSchema:schema51,data};
  if(vErrors === null){
  vErrors = [err2];
  }
  else {
  vErrors.push(err2);
  }
  errors++;
  }
  }
  else {
  const err3 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema51.type,parentSchema:schema51,data};
  if(vErrors === null){
  vErrors = [err3];
  }
  else {
  vErrors.push(err3);
  }
  errors++;
  }
  validate47.errors = vErrors;
  evaluated0.props = props0;
  return errors === 0;
  }
  validate47.evaluated = {"dynamicProps":true,"dynamicItems":false};

  const schema140 = careloomRuntime.schemaFiles["module.schema.json"].$defs.Branch;

  function validate187(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
  let vErrors = null;
  let errors = 0;
  const evaluated0 = validate187.evaluated;
  if(evaluated0.dynamicProps){
  evaluated0.props = undefined;
  }
  if(evaluated0.dynamicItems){
  evaluated0.items = undefined;
  }
  if(data && typeof data == "object" && !Array.isArray(data)){
  if(data.when === undefined){
  const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "when"},message:"must have required property '"+"when"+"'",schema:schema140.required,parentSchema:schema140,data};
  if(vErrors === null){
  vErrors = [err0];
  }
  else {
  vErrors.push(err0);
  }
  errors++;
  }
  if(data.goTo === undefined){
  const err1 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "goTo"},message:"must have required property '"+"goTo"+"'",schema:schema140.required,parentSchema:schema140,data};
  if(vErrors === null){
  vErrors = [err1];
  }
  else {
  vErrors.push(err1);
  }
  errors++;
  }
  for(const key0 in data){
  if(!((key0 === "when") || (key0 === "goTo"))){
  const err2 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties",schema:false,parentSchema:schema140,data};
  if(vErrors === null){
  vErrors = [err2];
  }
  else {
  vErrors.push(err2);
  }
  errors++;
  }
  }
  if(data.when !== undefined){
  if(!(validate28(data.when, {instancePath:instancePath+"/when",parentData:data,parentDataProperty:"when",rootData,dynamicAnchors}))){
  vErrors = vErrors === null ? validate28.errors : vErrors.concat(validate28.errors);
  errors = vErrors.length;
  }
  }
  if(data.goTo !== undefined){
  let data1 = data.goTo;
  const _errs4 = errors;
  let valid1 = false;
  const _errs5 = errors;
  if(typeof data1 === "string"){
  if(!pattern8.test(data1)){
  const err3 = {instancePath:instancePath+"/goTo",schemaPath:"common.schema.json#/$defs/Id/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z][A-Za-z0-9_.-]{0,63}$"},message:"must match pattern \""+"^[A-Za-z][A-Za-z0-9_.-]{0,63}$"+"\"",schema:"^[A-Za-z][A-Za-z0-9_.-]{0,63}$",parentSchema:schema39,data:data1};
  if(vErrors === null){
  vErrors = [err3];
  }
  else {
  vErrors.push(err3);
  }
  errors++;
  }
  }
  else {
  const err4 = {instancePath:instancePath+"/goTo",schemaPath:"common.schema.json#/$defs/Id/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema39.type,parentSchema:schema39,data:data1};
  if(vErrors === null){
  vErrors = [err4];
  }
  else {
  vErrors.push(err4);
  }
  errors++;
  }
  var _valid0 = _errs5 === errors;
  valid1 = valid1 || _valid0;
  const _errs8 = errors;
  if("#end" !== data1){
  const err5 = {instancePath:instancePath+"/goTo",schemaPath:"#/properties/goTo/anyOf/1/const",keyword:"const",params:{allowedValue: "#end"},message:"must be equal to constant",schema:"#end",parentSchema:schema140.properties.goTo.anyOf[1],data:data1};
  if(vErrors === null){
  vErrors = [err5];
  }
  else {
  vErrors.push(err5);
  }
  errors++;
  }
  var _valid0 = _errs8 === errors;
  valid1 = valid1 || _valid0;
  if(!valid1){
  const err6 = {instancePath:instancePath+"/goTo",schemaPath:"#/properties/goTo/anyOf",keyword:"anyOf",params:{},message:"must match a schema in anyOf",schema:schema140.properties.goTo.anyOf,parentSchema:schema140.properties.goTo,data:data1};
  if(vErrors === null){
  vErrors = [err6];
  }
  else {
  vErrors.push(err6);
  }
  errors++;
  }
  else {
  errors = _errs4;
  if(vErrors !== null){
  if(_errs4){
  vErrors.length = _errs4;
  }
  else {
  vErrors = null;
  }
  }
  }
  }
  }
  else {
  const err7 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema140.type,parentSchema:schema140,data};
  if(vErrors === null){
  vErrors = [err7];
  }
  else {
  vErrors.push(err7);
  }
  errors++;
  }
  validate187.errors = vErrors;
  return errors === 0;
  }
  validate187.evaluated = {"props":true,"dynamicProps":false,"dynamicItems":false};


  function validate26(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
  let vErrors = null;
  let errors = 0;
  const evaluated0 = validate26.evaluated;
  if(evaluated0.dynamicProps){
  evaluated0.props = undefined;
  }
  if(evaluated0.dynamicItems){
  evaluated0.items = undefined;
  }
  if(data && typeof data == "object" && !Array.isArray(data)){
  if(data.id === undefined){
  const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "id"},message:"must have required property '"+"id"+"'",schema:schema38.required,parentSchema:schema38,data};
  if(vErrors === null){
  vErrors = [err0];
  }
  else {
  vErrors.push(err0);
  }
  errors++;
  }
  if(data.title === undefined){
  const err1 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "title"},message:"must have required property '"+"title"+"'",schema:schema38.required,parentSchema:schema38,data};
  if(vErrors === null){
  vErrors = [err1];
  }
  else {
  vErrors.push(err1);
  }
  errors++;
  }
  if(data.blocks === undefined){
  const err2 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "blocks"},message:"must have required property '"+"blocks"+"'",schema:schema38.required,parentSchema:schema38,data};
  if(vErrors === null){
  vErrors = [err2];
  }
  else {
  vErrors.push(err2);
  }
  errors++;
  }
  for(const key0 in data){
  if(!(((((key0 === "id") || (key0 === "title")) || (key0 === "visibleWhen")) || (key0 === "blocks")) || (key0 === "branches"))){
  const err3 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties",schema:false,parentSchema:schema38,data};
  if(vErrors === null){
  vErrors = [err3];
  }
  else {
  vErrors.push(err3);
  }
  errors++;
  }
  }
  if(data.id !== undefined){
  let data0 = data.id;
  if(typeof data0 === "string"){
  if(!pattern8.test(data0)){
  const err4 = {instancePath:instancePath+"/id",schemaPath:"common.schema.json#/$defs/Id/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z][A-Za-z0-9_.-]{0,63}$"},message:"must match pattern \""+"^[A-Za-z][A-Za-z0-9_.-]{0,63}$"+"\"",schema:"^[A-Za-z][A-Za-z0-9_.-]{0,63}$",parentSchema:schema39,data:data0};
  if(vErrors === null){
  vErrors = [err4];
  }
  else {
  vErrors.push(err4);
  }
  errors++;
  }
  }
  else {
  const err5 = {instancePath:instancePath+"/id",schemaPath:"common.schema.json#/$defs/Id/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema39.type,parentSchema:schema39,data:data0};
  if(vErrors === null){
  vErrors = [err5];
  }
  else {
  vErrors.push(err5);
  }
  errors++;
  }
  }
  if(data.title !== undefined){
  if(!(validate22(data.title, {instancePath:instancePath+"/title",parentData:data,parentDataProperty:"title",rootData,dynamicAnchors}))){
  vErrors = vErrors === null ? validate22.errors : vErrors.concat(validate22.errors);
  errors = vErrors.length;
  }
  }
  if(data.visibleWhen !== undefined){
  if(!(validate28(data.visibleWhen, {instancePath:instancePath+"/visibleWhen",parentData:data,parentDataProperty:"visibleWhen",rootData,dynamicAnchors}))){
  vErrors = vErrors === null ? validate28.errors : vErrors.concat(validate28.errors);
  errors = vErrors.length;
  }
  }
  if(data.blocks !== undefined){
  let data3 = data.blocks;
  if(Array.isArray(data3)){
  const len0 = data3.length;
  for(let i0=0; i0<len0; i0++){
  if(!(validate47(data3[i0], {instancePath:instancePath+"/blocks/" + i0,parentData:data3,parentDataProperty:i0,rootData,dynamicAnchors}))){
  vErrors = vErrors === null ? validate47.errors : vErrors.concat(validate47.errors);
  errors = vErrors.length;
  }
  }
  }
  else {
  const err6 = {instancePath:instancePath+"/blocks",schemaPath:"#/properties/blocks/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema38.properties.blocks.type,parentSchema:schema38.properties.blocks,data:data3};
  if(vErrors === null){
  vErrors = [err6];
  }
  else {
  vErrors.push(err6);
  }
  errors++;
  }
  }
  if(data.branches !== undefined){
  let data5 = data.branches;
  if(Array.isArray(data5)){
  const len1 = data5.length;
  for(let i1=0; i1<len1; i1++){
  if(!(validate187(data5[i1], {instancePath:instancePath+"/branches/" + i1,parentData:data5,parentDataProperty:i1,rootData,dynamicAnchors}))){
  vErrors = vErrors === null ? validate187.errors : vErrors.concat(validate187.errors);
  errors = vErrors.length;
  }
  }
  }
  else {
  const err7 = {instancePath:instancePath+"/branches",schemaPath:"#/properties/branches/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema38.properties.branches.type,parentSchema:schema38.properties.branches,data:data5};
  if(vErrors === null){
  vErrors = [err7];
  }
  else {
  vErrors.push(err7);
  }
  errors++;
  }
  }
  }
  else {
  const err8 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema38.type,parentSchema:schema38,data};
  if(vErrors === null){
  vErrors = [err8];
  }
  else {
  vErrors.push(err8);
  }
  errors++;
  }
  validate26.errors = vErrors;
  return errors === 0;
  }
  validate26.evaluated = {"props":true,"dynamicProps":false,"dynamicItems":false};


  function validate20(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
  /*# sourceURL="https://careloom.org/schemas/module.schema.json" */;
  let vErrors = null;
  let errors = 0;
  const evaluated0 = validate20.evaluated;
  if(evaluated0.dynamicProps){
  evaluated0.props = undefined;
  }
  if(evaluated0.dynamicItems){
  evaluated0.items = undefined;
  }
  if(data && typeof data == "object" && !Array.isArray(data)){
  if(data.formatVersion === undefined){
  const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "formatVersion"},message:"must have required property '"+"formatVersion"+"'",schema:schema31.required,parentSchema:schema31,data};
  if(vErrors === null){
  vErrors = [err0];
  }
  else {
  vErrors.push(err0);
  }
  errors++;
  }
  if(data.id === undefined){
  const err1 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "id"},message:"must have required property '"+"id"+"'",schema:schema31.required,parentSchema:schema31,data};
  if(vErrors === null){
  vErrors = [err1];
  }
  else {
  vErrors.push(err1);
  }
  errors++;
  }
  if(data.title === undefined){
  const err2 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "title"},message:"must have required property '"+"title"+"'",schema:schema31.required,parentSchema:schema31,data};
  if(vErrors === null){
  vErrors = [err2];
  }
  else {
  vErrors.push(err2);
  }
  errors++;
  }
  if(data.languages === undefined){
  const err3 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "languages"},message:"must have required property '"+"languages"+"'",schema:schema31.required,parentSchema:schema31,data};
  if(vErrors === null){
  vErrors = [err3];
  }
  else {
  vErrors.push(err3);
  }
  errors++;
  }
  if(data.defaultLanguage === undefined){
  const err4 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "defaultLanguage"},message:"must have required property '"+"defaultLanguage"+"'",schema:schema31.required,parentSchema:schema31,data};
  if(vErrors === null){
  vErrors = [err4];
  }
  else {
  vErrors.push(err4);
  }
  errors++;
  }
  if(data.pages === undefined){
  const err5 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "pages"},message:"must have required property '"+"pages"+"'",schema:schema31.required,parentSchema:schema31,data};
  if(vErrors === null){
  vErrors = [err5];
  }
  else {
  vErrors.push(err5);
  }
  errors++;
  }
  for(const key0 in data){
  if(!(func1.call(schema31.properties, key0))){
  const err6 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties",schema:false,parentSchema:schema31,data};
  if(vErrors === null){
  vErrors = [err6];
  }
  else {
  vErrors.push(err6);
  }
  errors++;
  }
  }
  if(data.$schema !== undefined){
  let data0 = data.$schema;
  if(typeof data0 !== "string"){
  const err7 = {instancePath:instancePath+"/$schema",schemaPath:"#/properties/%24schema/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema31.properties.$schema.type,parentSchema:schema31.properties.$schema,data:data0};
  if(vErrors === null){
  vErrors = [err7];
  }
  else {
  vErrors.push(err7);
  }
  errors++;
  }
  }
  if(data.formatVersion !== undefined){
  let data1 = data.formatVersion;
  if(1 !== data1){
  const err8 = {instancePath:instancePath+"/formatVersion",schemaPath:"#/properties/formatVersion/const",keyword:"const",params:{allowedValue: 1},message:"must be equal to constant",schema:1,parentSchema:schema31.properties.formatVersion,data:data1};
  if(vErrors === null){
  vErrors = [err8];
  }
  else {
  vErrors.push(err8);
  }
  errors++;
  }
  }
  if(data.id !== undefined){
  let data2 = data.id;
  if(typeof data2 === "string"){
  if(!pattern4.test(data2)){
  const err9 = {instancePath:instancePath+"/id",schemaPath:"common.schema.json#/$defs/Slug/pattern",keyword:"pattern",params:{pattern: "^[a-z0-9][a-z0-9-]{1,63}$"},message:"must match pattern \""+"^[a-z0-9][a-z0-9-]{1,63}$"+"\"",schema:"^[a-z0-9][a-z0-9-]{1,63}$",parentSchema:schema33,data:data2};
  if(vErrors === null){
  vErrors = [err9];
  }
  else {
  vErrors.push(err9);
  }
  errors++;
  }
  }
  else {
  const err10 = {instancePath:instancePath+"/id",schemaPath:"common.schema.json#/$defs/Slug/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema33.type,parentSchema:schema33,data:data2};
  if(vErrors === null){
  vErrors = [err10];
  }
  else {
  vErrors.push(err10);
  }
  errors++;
  }
  }
  if(data.title !== undefined){
  if(!(validate22(data.title, {instancePath:instancePath+"/title",parentData:data,parentDataProperty:"title",rootData,dynamicAnchors}))){
  vErrors = vErrors === null ? validate22.errors : vErrors.concat(validate22.errors);
  errors = vErrors.length;
  }
  }
  if(data.summary !== undefined){
  if(!(validate22(data.summary, {instancePath:instancePath+"/summary",parentData:data,parentDataProperty:"summary",rootData,dynamicAnchors}))){
  vErrors = vErrors === null ? validate22.errors : vErrors.concat(validate22.errors);
  errors = vErrors.length;
  }
  }
  if(data.languages !== undefined){
  let data5 = data.languages;
  if(Array.isArray(data5)){
  if(data5.length < 1){
  const err11 = {instancePath:instancePath+"/languages",schemaPath:"#/properties/languages/minItems",keyword:"minItems",params:{limit: 1},message:"must NOT have fewer than 1 items",schema:1,parentSchema:schema31.properties.languages,data:data5};
  if(vErrors === null){
  vErrors = [err11];
  }
  else {
  vErrors.push(err11);
  }
  errors++;
  }
  const len0 = data5.length;
  for(let i0=0; i0<len0; i0++){
  let data6 = data5[i0];
  if(typeof data6 === "string"){
  if(!pattern5.test(data6)){
  const err12 = {instancePath:instancePath+"/languages/" + i0,schemaPath:"common.schema.json#/$defs/LanguageTag/pattern",keyword:"pattern",params:{pattern: "^[a-z]{2,3}(-[A-Z]{2})?$"},message:"must match pattern \""+"^[a-z]{2,3}(-[A-Z]{2})?$"+"\"",schema:"^[a-z]{2,3}(-[A-Z]{2})?$",parentSchema:schema35,data:data6};
  if(vErrors === null){
  vErrors = [err12];
  }
  else {
  vErrors.push(err12);
  }
  errors++;
  }
  }
  else {
  const err13 = {instancePath:instancePath+"/languages/" + i0,schemaPath:"common.schema.json#/$defs/LanguageTag/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema35.type,parentSchema:schema35,data:data6};
  if(vErrors === null){
  vErrors = [err13];
  }
  else {
  vErrors.push(err13);
  }
  errors++;
  }
  }
  let i1 = data5.length;
  let j0;
  if(i1 > 1){
  outer0:
  for(;i1--;){
  for(j0 = i1; j0--;){
  if(func0(data5[i1], data5[j0])){
  const err14 = {instancePath:instancePath+"/languages",schemaPath:"#/properties/languages/uniqueItems",keyword:"uniqueItems",params:{i: i1, j: j0},message:"must NOT have duplicate items (items ## "+j0+" and "+i1+" are identical)",schema:true,parentSchema:schema31.properties.languages,data:data5};
  if(vErrors === null){
  vErrors = [err14];
  }
  else {
  vErrors.push(err14);
  }
  errors++;
  break outer0;
  }
  }
  }
  }
  }
  else {
  const err15 = {instancePath:instancePath+"/languages",schemaPath:"#/properties/languages/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema31.properties.languages.type,parentSchema:schema31.properties.languages,data:data5};
  if(vErrors === null){
  vErrors = [err15];
  }
  else {
  vErrors.push(err15);
  }
  errors++;
  }
  }
  if(data.defaultLanguage !== undefined){
  let data7 = data.defaultLanguage;
  if(typeof data7 === "string"){
  if(!pattern5.test(data7)){
  const err16 = {instancePath:instancePath+"/defaultLanguage",schemaPath:"common.schema.json#/$defs/LanguageTag/pattern",keyword:"pattern",params:{pattern: "^[a-z]{2,3}(-[A-Z]{2})?$"},message:"must match pattern \""+"^[a-z]{2,3}(-[A-Z]{2})?$"+"\"",schema:"^[a-z]{2,3}(-[A-Z]{2})?$",parentSchema:schema35,data:data7};
  if(vErrors === null){
  vErrors = [err16];
  }
  else {
  vErrors.push(err16);
  }
  errors++;
  }
  }
  else {
  const err17 = {instancePath:instancePath+"/defaultLanguage",schemaPath:"common.schema.json#/$defs/LanguageTag/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema35.type,parentSchema:schema35,data:data7};
  if(vErrors === null){
  vErrors = [err17];
  }
  else {
  vErrors.push(err17);
  }
  errors++;
  }
  }
  if(data.tags !== undefined){
  let data8 = data.tags;
  if(Array.isArray(data8)){
  const len1 = data8.length;
  for(let i2=0; i2<len1; i2++){
  let data9 = data8[i2];
  if(typeof data9 === "string"){
  if(func2(data9) > 40){
  const err18 = {instancePath:instancePath+"/tags/" + i2,schemaPath:"#/properties/tags/items/maxLength",keyword:"maxLength",params:{limit: 40},message:"must NOT have more than 40 characters",schema:40,parentSchema:schema31.properties.tags.items,data:data9};
  if(vErrors === null){
  vErrors = [err18];
  }
  else {
  vErrors.push(err18);
  }
  errors++;
  }
  if(func2(data9) < 1){
  const err19 = {instancePath:instancePath+"/tags/" + i2,schemaPath:"#/properties/tags/items/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema31.properties.tags.items,data:data9};
  if(vErrors === null){
  vErrors = [err19];
  }
  else {
  vErrors.push(err19);
  }
  errors++;
  }
  }
  else {
  const err20 = {instancePath:instancePath+"/tags/" + i2,schemaPath:"#/properties/tags/items/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema31.properties.tags.items.type,parentSchema:schema31.properties.tags.items,data:data9};
  if(vErrors === null){
  vErrors = [err20];
  }
  else {
  vErrors.push(err20);
  }
  errors++;
  }
  }
  let i3 = data8.length;
  let j1;
  if(i3 > 1){
  const indices0 = {};
  for(;i3--;){
  let item0 = data8[i3];
  if(typeof item0 !== "string"){
  continue;
  }
  if(typeof indices0[item0] == "number"){
  j1 = indices0[item0];
  const err21 = {instancePath:instancePath+"/tags",schemaPath:"#/properties/tags/uniqueItems",keyword:"uniqueItems",params:{i: i3, j: j1},message:"must NOT have duplicate items (items ## "+j1+" and "+i3+" are identical)",schema:true,parentSchema:schema31.properties.tags,data:data8};
  if(vErrors === null){
  vErrors = [err21];
  }
  else {
  vErrors.push(err21);
  }
  errors++;
  break;
  }
  indices0[item0] = i3;
  }
  }
  }
  else {
  const err22 = {instancePath:instancePath+"/tags",schemaPath:"#/properties/tags/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema31.properties.tags.type,parentSchema:schema31.properties.tags,data:data8};
  if(vErrors === null){
  vErrors = [err22];
  }
  else {
  vErrors.push(err22);
  }
  errors++;
  }
  }
  if(data.authors !== undefined){
  let data10 = data.authors;
  if(Array.isArray(data10)){
  const len2 = data10.length;
  for(let i4=0; i4<len2; i4++){
  let data11 = data10[i4];
  if(data11 && typeof data11 == "object" && !Array.isArray(data11)){
  if(data11.name === undefined){
  const err23 = {instancePath:instancePath+"/authors/" + i4,schemaPath:"#/properties/authors/items/required",keyword:"required",params:{missingProperty: "name"},message:"must have required property '"+"name"+"'",schema:schema31.properties.authors.items.required,parentSchema:schema31.properties.authors.items,data:data11};
  if(vErrors === null){
  vErrors = [err23];
  }
  else {
  vErrors.push(err23);
  }
  errors++;
  }
  for(const key1 in data11){
  if(!(((key1 === "name") || (key1 === "organisation")) || (key1 === "role"))){
  const err24 = {instancePath:instancePath+"/authors/" + i4,schemaPath:"#/properties/authors/items/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key1},message:"must NOT have additional properties",schema:false,parentSchema:schema31.properties.authors.items,data:data11};
  if(vErrors === null){
  vErrors = [err24];
  }
  else {
  vErrors.push(err24);
  }
  errors++;
  }
  }
  if(data11.name !== undefined){
  let data12 = data11.name;
  if(typeof data12 === "string"){
  if(func2(data12) > 200){
  const err25 = {instancePath:instancePath+"/authors/" + i4+"/name",schemaPath:"#/properties/authors/items/properties/name/maxLength",keyword:"maxLength",params:{limit: 200},message:"must NOT have more than 200 characters",schema:200,parentSchema:schema31.properties.authors.items.properties.name,data:data12};
  if(vErrors === null){
  vErrors = [err25];
  }
  else {
  vErrors.push(err25);
  }
  errors++;
  }
  if(func2(data12) < 1){
  const err26 = {instancePath:instancePath+"/authors/" + i4+"/name",schemaPath:"#/properties/authors/items/properties/name/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema31.properties.authors.items.properties.name,data:data12};
  if(vErrors === null){
  vErrors = [err26];
  }
  else {
  vErrors.push(err26);
  }
  errors++;
  }
  }
  else {
  const err27 = {instancePath:instancePath+"/authors/" + i4+"/name",schemaPath:"#/properties/authors/items/properties/name/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema31.properties.authors.items.properties.name.type,parentSchema:schema31.properties.authors.items.properties.name,data:data12};
  if(vErrors === null){
  vErrors = [err27];
  }
  else {
  vErrors.push(err27);
  }
  errors++;
  }
  }
  if(data11.organisation !== undefined){
  let data13 = data11.organisation;
  if(typeof data13 === "string"){
  if(func2(data13) > 200){
  const err28 = {instancePath:instancePath+"/authors/" + i4+"/organisation",schemaPath:"#/properties/authors/items/properties/organisation/maxLength",keyword:"maxLength",params:{limit: 200},message:"must NOT have more than 200 characters",schema:200,parentSchema:schema31.properties.authors.items.properties.organisation,data:data13};
  if(vErrors === null){
  vErrors = [err28];
  }
  else {
  vErrors.push(err28);
  }
  errors++;
  }
  }
  else {
  const err29 = {instancePath:instancePath+"/authors/" + i4+"/organisation",schemaPath:"#/properties/authors/items/properties/organisation/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema31.properties.authors.items.properties.organisation.type,parentSchema:schema31.properties.authors.items.properties.organisation,data:data13};
  if(vErrors === null){
  vErrors = [err29];
  }
  else {
  vErrors.push(err29);
  }
  errors++;
  }
  }
  if(data11.role !== undefined){
  let data14 = data11.role;
  if(typeof data14 === "string"){
  if(func2(data14) > 100){
  const err30 = {instancePath:instancePath+"/authors/" + i4+"/role",schemaPath:"#/properties/authors/items/properties/role/maxLength",keyword:"maxLength",params:{limit: 100},message:"must NOT have more than 100 characters",schema:100,parentSchema:schema31.properties.authors.items.properties.role,data:data14};
  if(vErrors === null){
  vErrors = [err30];
  }
  else {
  vErrors.push(err30);
  }
  errors++;
  }
  }
  else {
  const err31 = {instancePath:instancePath+"/authors/" + i4+"/role",schemaPath:"#/properties/authors/items/properties/role/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema31.properties.authors.items.properties.role.type,parentSchema:schema31.properties.authors.items.properties.role,data:data14};
  if(vErrors === null){
  vErrors = [err31];
  }
  else {
  vErrors.push(err31);
  }
  errors++;
  }
  }
  }
  else {
  const err32 = {instancePath:instancePath+"/authors/" + i4,schemaPath:"#/properties/authors/items/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema31.properties.authors.items.type,parentSchema:schema31.properties.authors.items,data:data11};
  if(vErrors === null){
  vErrors = [err32];
  }
  else {
  vErrors.push(err32);
  }
  errors++;
  }
  }
  }
  else {
  const err33 = {instancePath:instancePath+"/authors",schemaPath:"#/properties/authors/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema31.properties.authors.type,parentSchema:schema31.properties.authors,data:data10};
  if(vErrors === null){
  vErrors = [err33];
  }
  else {
  vErrors.push(err33);
  }
  errors++;
  }
  }
  if(data.targetGroup !== undefined){
  if(!(validate22(data.targetGroup, {instancePath:instancePath+"/targetGroup",parentData:data,parentDataProperty:"targetGroup",rootData,dynamicAnchors}))){
  vErrors = vErrors === null ? validate22.errors : vErrors.concat(validate22.errors);
  errors = vErrors.length;
  }
  }
  if(data.estimatedMinutes !== undefined){
  let data16 = data.estimatedMinutes;
  if(!(((typeof data16 == "number") && (!(data16 % 1) && !isNaN(data16))) && (isFinite(data16)))){
  const err34 = {instancePath:instancePath+"/estimatedMinutes",schemaPath:"#/properties/estimatedMinutes/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema31.properties.estimatedMinutes.type,parentSchema:schema31.properties.estimatedMinutes,data:data16};
  if(vErrors === null){
  vErrors = [err34];
  }
  else {
  vErrors.push(err34);
  }
  errors++;
  }
  if((typeof data16 == "number") && (isFinite(data16))){
  if(data16 > 600 || isNaN(data16)){
  const err35 = {instancePath:instancePath+"/estimatedMinutes",schemaPath:"#/properties/estimatedMinutes/maximum",keyword:"maximum",params:{comparison: "<=", limit: 600},message:"must be <= 600",schema:600,parentSchema:schema31.properties.estimatedMinutes,data:data16};
  if(vErrors === null){
  vErrors = [err35];
  }
  else {
  vErrors.push(err35);
  }
  errors++;
  }
  if(data16 < 1 || isNaN(data16)){
  const err36 = {instancePath:instancePath+"/estimatedMinutes",schemaPath:"#/properties/estimatedMinutes/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1",schema:1,parentSchema:schema31.properties.estimatedMinutes,data:data16};
  if(vErrors === null){
  vErrors = [err36];
  }
  else {
  vErrors.push(err36);
  }
  errors++;
  }
  }
  }
  if(data.readingLevel !== undefined){
  let data17 = data.readingLevel;
  if(!((data17 === "easy") || (data17 === "standard"))){
  const err37 = {instancePath:instancePath+"/readingLevel",schemaPath:"#/properties/readingLevel/enum",keyword:"enum",params:{allowedValues: schema31.properties.readingLevel.enum},message:"must be equal to one of the allowed values",schema:schema31.properties.readingLevel.enum,parentSchema:schema31.properties.readingLevel,data:data17};
  if(vErrors === null){
  vErrors = [err37];
  }
  else {
  vErrors.push(err37);
  }
  errors++;
  }
  }
  if(data.pages !== undefined){
  let data18 = data.pages;
  if(Array.isArray(data18)){
  if(data18.length < 1){
  const err38 = {instancePath:instancePath+"/pages",schemaPath:"#/properties/pages/minItems",keyword:"minItems",params:{limit: 1},message:"must NOT have fewer than 1 items",schema:1,parentSchema:schema31.properties.pages,data:data18};
  if(vErrors === null){
  vErrors = [err38];
  }
  else {
  vErrors.push(err38);
  }
  errors++;
  }
  const len3 = data18.length;
  for(let i5=0; i5<len3; i5++){
  if(!(validate26(data18[i5], {instancePath:instancePath+"/pages/" + i5,parentData:data18,parentDataProperty:i5,rootData,dynamicAnchors}))){
  vErrors = vErrors === null ? validate26.errors : vErrors.concat(validate26.errors);
  errors = vErrors.length;
  }
  }
  }
  else {
  const err39 = {instancePath:instancePath+"/pages",schemaPath:"#/properties/pages/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema31.properties.pages.type,parentSchema:schema31.properties.pages,data:data18};
  if(vErrors === null){
  vErrors = [err39];
  }
  else {
  vErrors.push(err39);
  }
  errors++;
  }
  }
  }
  else {
  const err40 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema31.type,parentSchema:schema31,data};
  if(vErrors === null){
  vErrors = [err40];
  }
  else {
  vErrors.push(err40);
  }
  errors++;
  }
  validate20.errors = vErrors;
  return errors === 0;
  }
  validate20.evaluated = {"props":true,"dynamicProps":false,"dynamicItems":false};

  const schema142 = careloomRuntime.schemaFiles["program.schema.json"];

  function validate192(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
  let vErrors = null;
  let errors = 0;
  const evaluated0 = validate192.evaluated;
  if(evaluated0.dynamicProps){
  evaluated0.props = undefined;
  }
  if(evaluated0.dynamicItems){
  evaluated0.items = undefined;
  }
  if(data && typeof data == "object" && !Array.isArray(data)){
  if(Object.keys(data).length < 1){
  const err0 = {instancePath,schemaPath:"#/minProperties",keyword:"minProperties",params:{limit: 1},message:"must NOT have fewer than 1 properties",schema:1,parentSchema:schema34,data};
  if(vErrors === null){
  vErrors = [err0];
  }
  else {
  vErrors.push(err0);
  }
  errors++;
  }
  for(const key0 in data){
  const _errs1 = errors;
  if(typeof key0 === "string"){
  if(!pattern5.test(key0)){
  const err1 = {instancePath,schemaPath:"#/$defs/LanguageTag/pattern",keyword:"pattern",params:{pattern: "^[a-z]{2,3}(-[A-Z]{2})?$"},message:"must match pattern \""+"^[a-z]{2,3}(-[A-Z]{2})?$"+"\"",schema:"^[a-z]{2,3}(-[A-Z]{2})?$",parentSchema:schema35,data:key0,propertyName:key0};
  if(vErrors === null){
  vErrors = [err1];
  }
  else {
  vErrors.push(err1);
  }
  errors++;
  }
  }
  else {
  const err2 = {instancePath,schemaPath:"#/$defs/LanguageTag/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema35.type,parentSchema:schema35,data:key0,propertyName:key0};
  if(vErrors === null){
  vErrors = [err2];
  }
  else {
  vErrors.push(err2);
  }
  errors++;
  }
  var valid0 = _errs1 === errors;
  if(!valid0){
  const err3 = {instancePath,schemaPath:"#/propertyNames",keyword:"propertyNames",params:{propertyName: key0},message:"property name must be valid",schema:schema34.propertyNames,parentSchema:schema34,data};
  if(vErrors === null){
  vErrors = [err3];
  }
  else {
  vErrors.push(err3);
  }
  errors++;
  }
  }
  for(const key1 in data){
  let data0 = data[key1];
  if(typeof data0 === "string"){
  if(func2(data0) > 20000){
  const err4 = {instancePath:instancePath+"/" + key1.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/additionalProperties/maxLength",keyword:"maxLength",params:{limit: 20000},message:"must NOT have more than 20000 characters",schema:20000,parentSchema:schema34.additionalProperties,data:data0};
  if(vErrors === null){
  vErrors = [err4];
  }
  else {
  vErrors.push(err4);
  }
  errors++;
  }
  if(func2(data0) < 1){
  const err5 = {instancePath:instancePath+"/" + key1.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/additionalProperties/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema34.additionalProperties,data:data0};
  if(vErrors === null){
  vErrors = [err5];
  }
  else {
  vErrors.push(err5);
  }
  errors++;
  }
  }
  else {
  const err6 = {instancePath:instancePath+"/" + key1.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/additionalProperties/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema34.additionalProperties.type,parentSchema:schema34.additionalProperties,data:data0};
  if(vErrors === null){
  vErrors = [err6];
  }
  else {
  vErrors.push(err6);
  }
  errors++;
  }
  }
  }
  else {
  const err7 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema34.type,parentSchema:schema34,data};
  if(vErrors === null){
  vErrors = [err7];
  }
  else {
  vErrors.push(err7);
  }
  errors++;
  }
  validate192.errors = vErrors;
  return errors === 0;
  }
  validate192.evaluated = {"props":true,"dynamicProps":false,"dynamicItems":false};

  const schema148 = careloomRuntime.schemaFiles["program.schema.json"].$defs.ScheduledModule;
  const schema150 = careloomRuntime.schemaFiles["common.schema.json"].$defs.ModuleRef;

  function validate196(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
  let vErrors = null;
  let errors = 0;
  const evaluated0 = validate196.evaluated;
  if(evaluated0.dynamicProps){
  evaluated0.props = undefined;
  }
  if(evaluated0.dynamicItems){
  evaluated0.items = undefined;
  }
  if(data && typeof data == "object" && !Array.isArray(data)){
  if(data.moduleId === undefined){
  const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "moduleId"},message:"must have required property '"+"moduleId"+"'",schema:schema150.required,parentSchema:schema150,data};
  if(vErrors === null){
  vErrors = [err0];
  }
  else {
  vErrors.push(err0);
  }
  errors++;
  }
  for(const key0 in data){
  if(!((key0 === "moduleId") || (key0 === "version"))){
  const err1 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties",schema:false,parentSchema:schema150,data};
  if(vErrors === null){
  vErrors = [err1];
  }
  else {
  vErrors.push(err1);
  }
  errors++;
  }
  }
  if(data.moduleId !== undefined){
  let data0 = data.moduleId;
  if(typeof data0 === "string"){
  if(!pattern4.test(data0)){
  const err2 = {instancePath:instancePath+"/moduleId",schemaPath:"#/$defs/Slug/pattern",keyword:"pattern",params:{pattern: "^[a-z0-9][a-z0-9-]{1,63}$"},message:"must match pattern \""+"^[a-z0-9][a-z0-9-]{1,63}$"+"\"",schema:"^[a-z0-9][a-z0-9-]{1,63}$",parentSchema:schema33,data:data0};
  if(vErrors === null){
  vErrors = [err2];
  }
  else {
  vErrors.push(err2);
  }
  errors++;
  }
  }
  else {
  const err3 = {instancePath:instancePath+"/moduleId",schemaPath:"#/$defs/Slug/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema33.type,parentSchema:schema33,data:data0};
  if(vErrors === null){
  vErrors = [err3];
  }
  else {
  vErrors.push(err3);
  }
  errors++;
  }
  }
  if(data.version !== undefined){
  let data1 = data.version;
  if(!(((typeof data1 == "number") && (!(data1 % 1) && !isNaN(data1))) && (isFinite(data1)))){
  const err4 = {instancePath:instancePath+"/version",schemaPath:"#/properties/version/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema150.properties.version.type,parentSchema:schema150.properties.version,data:data1};
  if(vErrors === null){
  vErrors = [err4];
  }
  else {
  vErrors.push(err4);
  }
  errors++;
  }
  if((typeof data1 == "number") && (isFinite(data1))){
  if(data1 < 1 || isNaN(data1)){
  const err5 = {instancePath:instancePath+"/version",schemaPath:"#/properties/version/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1",schema:1,parentSchema:schema150.properties.version,data:data1};
  if(vErrors === null){
  vErrors = [err5];
  }
  else {
  vErrors.push(err5);
  }
  errors++;
  }
  }
  }
  }
  else {
  const err6 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema150.type,parentSchema:schema150,data};
  if(vErrors === null){
  vErrors = [err6];
  }
  else {
  vErrors.push(err6);
  }
  errors++;
  }
  validate196.errors = vErrors;
  return errors === 0;
  }
  validate196.evaluated = {"props":true,"dynamicProps":false,"dynamicItems":false};

  const schema152 = careloomRuntime.schemaFiles["program.schema.json"].$defs.UnlockRule;

  function validate198(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
  let vErrors = null;
  let errors = 0;
  const evaluated0 = validate198.evaluated;
  if(evaluated0.dynamicProps){
  evaluated0.props = undefined;
  }
  if(evaluated0.dynamicItems){
  evaluated0.items = undefined;
  }
  if(data && typeof data == "object" && !Array.isArray(data)){
  for(const key0 in data){
  if(!((key0 === "week") || (key0 === "afterCompleting"))){
  const err0 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties",schema:false,parentSchema:schema152,data};
  if(vErrors === null){
  vErrors = [err0];
  }
  else {
  vErrors.push(err0);
  }
  errors++;
  }
  }
  if(data.week !== undefined){
  let data0 = data.week;
  if(!(((typeof data0 == "number") && (!(data0 % 1) && !isNaN(data0))) && (isFinite(data0)))){
  const err1 = {instancePath:instancePath+"/week",schemaPath:"#/properties/week/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema152.properties.week.type,parentSchema:schema152.properties.week,data:data0};
  if(vErrors === null){
  vErrors = [err1];
  }
  else {
  vErrors.push(err1);
  }
  errors++;
  }
  if((typeof data0 == "number") && (isFinite(data0))){
  if(data0 < 1 || isNaN(data0)){
  const err2 = {instancePath:instancePath+"/week",schemaPath:"#/properties/week/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1",schema:1,parentSchema:schema152.properties.week,data:data0};
  if(vErrors === null){
  vErrors = [err2];
  }
  else {
  vErrors.push(err2);
  }
  errors++;
  }
  }
  }
  if(data.afterCompleting !== undefined){
  let data1 = data.afterCompleting;
  if(Array.isArray(data1)){
  const len0 = data1.length;
  for(let i0=0; i0<len0; i0++){
  let data2 = data1[i0];
  if(typeof data2 === "string"){
  if(!pattern8.test(data2)){
  const err3 = {instancePath:instancePath+"/afterCompleting/" + i0,schemaPath:"common.schema.json#/$defs/Id/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z][A-Za-z0-9_.-]{0,63}$"},message:"must match pattern \""+"^[A-Za-z][A-Za-z0-9_.-]{0,63}$"+"\"",schema:"^[A-Za-z][A-Za-z0-9_.-]{0,63}$",parentSchema:schema39,data:data2};
  if(vErrors === null){
  vErrors = [err3];
  }
  else {
  vErrors.push(err3);
  }
  errors++;
  }
  }
  else {
  const err4 = {instancePath:instancePath+"/afterCompleting/" + i0,schemaPath:"common.schema.json#/$defs/Id/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema39.type,parentSchema:schema39,data:data2};
  if(vErrors === null){
  vErrors = [err4];
  }
  else {
  vErrors.push(err4);
  }
  errors++;
  }
  }
  let i1 = data1.length;
  let j0;
  if(i1 > 1){
  outer0:
  for(;i1--;){
  for(j0 = i1; j0--;){
  if(func0(data1[i1], data1[j0])){
  const err5 = {instancePath:instancePath+"/afterCompleting",schemaPath:"#/properties/afterCompleting/uniqueItems",keyword:"uniqueItems",params:{i: i1, j: j0},message:"must NOT have duplicate items (items ## "+j0+" and "+i1+" are identical)",schema:true,parentSchema:schema152.properties.afterCompleting,data:data1};
  if(vErrors === null){
  vErrors = [err5];
  }
  else {
  vErrors.push(err5);
  }
  errors++;
  break outer0;
  }
  }
  }
  }
  }
  else {
  const err6 = {instancePath:instancePath+"/afterCompleting",schemaPath:"#/properties/afterCompleting/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema152.properties.afterCompleting.type,parentSchema:schema152.properties.afterCompleting,data:data1};
  if(vErrors === null){
  vErrors = [err6];
  }
  else {
  vErrors.push(err6);
  }
  errors++;
  }
  }
  }
  else {
  const err7 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema152.type,parentSchema:schema152,data};
  if(vErrors === null){
  vErrors = [err7];
  }
  else {
  vErrors.push(err7);
  }
  errors++;
  }
  validate198.errors = vErrors;
  return errors === 0;
  }
  validate198.evaluated = {"props":true,"dynamicProps":false,"dynamicItems":false};


  function validate195(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
  let vErrors = null;
  let errors = 0;
  const evaluated0 = validate195.evaluated;
  if(evaluated0.dynamicProps){
  evaluated0.props = undefined;
  }
  if(evaluated0.dynamicItems){
  evaluated0.items = undefined;
  }
  if(data && typeof data == "object" && !Array.isArray(data)){
  if(data.key === undefined){
  const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "key"},message:"must have required property '"+"key"+"'",schema:schema148.required,parentSchema:schema148,data};
  if(vErrors === null){
  vErrors = [err0];
  }
  else {
  vErrors.push(err0);
  }
  errors++;
  }
  if(data.module === undefined){
  const err1 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "module"},message:"must have required property '"+"module"+"'",schema:schema148.required,parentSchema:schema148,data};
  if(vErrors === null){
  vErrors = [err1];
  }
  else {
  vErrors.push(err1);
  }
  errors++;
  }
  if(data.unlock === undefined){
  const err2 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "unlock"},message:"must have required property '"+"unlock"+"'",schema:schema148.required,parentSchema:schema148,data};
  if(vErrors === null){
  vErrors = [err2];
  }
  else {
  vErrors.push(err2);
  }
  errors++;
  }
  for(const key0 in data){
  if(!(((((key0 === "key") || (key0 === "module")) || (key0 === "unlock")) || (key0 === "optional")) || (key0 === "remind"))){
  const err3 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties",schema:false,parentSchema:schema148,data};
  if(vErrors === null){
  vErrors = [err3];
  }
  else {
  vErrors.push(err3);
  }
  errors++;
  }
  }
  if(data.key !== undefined){
  let data0 = data.key;
  if(typeof data0 === "string"){
  if(!pattern8.test(data0)){
  const err4 = {instancePath:instancePath+"/key",schemaPath:"common.schema.json#/$defs/Id/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z][A-Za-z0-9_.-]{0,63}$"},message:"must match pattern \""+"^[A-Za-z][A-Za-z0-9_.-]{0,63}$"+"\"",schema:"^[A-Za-z][A-Za-z0-9_.-]{0,63}$",parentSchema:schema39,data:data0};
  if(vErrors === null){
  vErrors = [err4];
  }
  else {
  vErrors.push(err4);
  }
  errors++;
  }
  }
  else {
  const err5 = {instancePath:instancePath+"/key",schemaPath:"common.schema.json#/$defs/Id/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema39.type,parentSchema:schema39,data:data0};
  if(vErrors === null){
  vErrors = [err5];
  }
  else {
  vErrors.push(err5);
  }
  errors++;
  }
  }
  if(data.module !== undefined){
  if(!(validate196(data.module, {instancePath:instancePath+"/module",parentData:data,parentDataProperty:"module",rootData,dynamicAnchors}))){
  vErrors = vErrors === null ? validate196.errors : vErrors.concat(validate196.errors);
  errors = vErrors.length;
  }
  }
  if(data.unlock !== undefined){
  if(!(validate198(data.unlock, {instancePath:instancePath+"/unlock",parentData:data,parentDataProperty:"unlock",rootData,dynamicAnchors}))){
  vErrors = vErrors === null ? validate198.errors : vErrors.concat(validate198.errors);
  errors = vErrors.length;
  }
  }
  if(data.optional !== undefined){
  let data3 = data.optional;
  if(typeof data3 !== "boolean"){
  const err6 = {instancePath:instancePath+"/optional",schemaPath:"#/properties/optional/type",keyword:"type",params:{type: "boolean"},message:"must be boolean",schema:schema148.properties.optional.type,parentSchema:schema148.properties.optional,data:data3};
  if(vErrors === null){
  vErrors = [err6];
  }
  else {
  vErrors.push(err6);
  }
  errors++;
  }
  }
  if(data.remind !== undefined){
  let data4 = data.remind;
  if(typeof data4 !== "boolean"){
  const err7 = {instancePath:instancePath+"/remind",schemaPath:"#/properties/remind/type",keyword:"type",params:{type: "boolean"},message:"must be boolean",schema:schema148.properties.remind.type,parentSchema:schema148.properties.remind,data:data4};
  if(vErrors === null){
  vErrors = [err7];
  }
  else {
  vErrors.push(err7);
  }
  errors++;
  }
  }
  }
  else {
  const err8 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema148.type,parentSchema:schema148,data};
  if(vErrors === null){
  vErrors = [err8];
  }
  else {
  vErrors.push(err8);
  }
  errors++;
  }
  validate195.errors = vErrors;
  return errors === 0;
  }
  validate195.evaluated = {"props":true,"dynamicProps":false,"dynamicItems":false};

  const schema154 = careloomRuntime.schemaFiles["program.schema.json"].$defs.Measurement;
  const schema156 = careloomRuntime.schemaFiles["program.schema.json"].$defs.Reminder;

  function validate201(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
  let vErrors = null;
  let errors = 0;
  const evaluated0 = validate201.evaluated;
  if(evaluated0.dynamicProps){
  evaluated0.props = undefined;
  }
  if(evaluated0.dynamicItems){
  evaluated0.items = undefined;
  }
  if(data && typeof data == "object" && !Array.isArray(data)){
  if(data.id === undefined){
  const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "id"},message:"must have required property '"+"id"+"'",schema:schema154.required,parentSchema:schema154,data};
  if(vErrors === null){
  vErrors = [err0];
  }
  else {
  vErrors.push(err0);
  }
  errors++;
  }
  if(data.module === undefined){
  const err1 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "module"},message:"must have required property '"+"module"+"'",schema:schema154.required,parentSchema:schema154,data};
  if(vErrors === null){
  vErrors = [err1];
  }
  else {
  vErrors.push(err1);
  }
  errors++;
  }
  if(data.weeks === undefined){
  const err2 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "weeks"},message:"must have required property '"+"weeks"+"'",schema:schema154.required,parentSchema:schema154,data};
  if(vErrors === null){
  vErrors = [err2];
  }
  else {
  vErrors.push(err2);
  }
  errors++;
  }
  if(data.dueWithinDays === undefined){
  const err3 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "dueWithinDays"},message:"must have required property '"+"dueWithinDays"+"'",schema:schema154.required,parentSchema:schema154,data};
  if(vErrors === null){
  vErrors = [err3];
  }
  else {
  vErrors.push(err3);
  }
  errors++;
  }
  for(const key0 in data){
  if(!(((((key0 === "id") || (key0 === "module")) || (key0 === "weeks")) || (key0 === "dueWithinDays")) || (key0 === "reminders"))){
  const err4 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties",schema:false,parentSchema:schema154,data};
  if(vErrors === null){
  vErrors = [err4];
  }
  else {
  vErrors.push(err4);
  }
  errors++;
  }
  }
  if(data.id !== undefined){
  let data0 = data.id;
  if(typeof data0 === "string"){
  if(!pattern8.test(data0)){
  const err5 = {instancePath:instancePath+"/id",schemaPath:"common.schema.json#/$defs/Id/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z][A-Za-z0-9_.-]{0,63}$"},message:"must match pattern \""+"^[A-Za-z][A-Za-z0-9_.-]{0,63}$"+"\"",schema:"^[A-Za-z][A-Za-z0-9_.-]{0,63}$",parentSchema:schema39,data:data0};
  if(vErrors === null){
  vErrors = [err5];
  }
  else {
  vErrors.push(err5);
  }
  errors++;
  }
  }
  else {
  const err6 = {instancePath:instancePath+"/id",schemaPath:"common.schema.json#/$defs/Id/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema39.type,parentSchema:schema39,data:data0};
  if(vErrors === null){
  vErrors = [err6];
  }
  else {
  vErrors.push(err6);
  }
  errors++;
  }
  }
  if(data.module !== undefined){
  if(!(validate196(data.module, {instancePath:instancePath+"/module",parentData:data,parentDataProperty:"module",rootData,dynamicAnchors}))){
  vErrors = vErrors === null ? validate196.errors : vErrors.concat(validate196.errors);
  errors = vErrors.length;
  }
  }
  if(data.weeks !== undefined){
  let data2 = data.weeks;
  if(Array.isArray(data2)){
  if(data2.length < 1){
  const err7 = {instancePath:instancePath+"/weeks",schemaPath:"#/properties/weeks/minItems",keyword:"minItems",params:{limit: 1},message:"must NOT have fewer than 1 items",schema:1,parentSchema:schema154.properties.weeks,data:data2};
  if(vErrors === null){
  vErrors = [err7];
  }
  else {
  vErrors.push(err7);
  }
  errors++;
  }
  const len0 = data2.length;
  for(let i0=0; i0<len0; i0++){
  let data3 = data2[i0];
  if(!(((typeof data3 == "number") && (!(data3 % 1) && !isNaN(data3))) && (isFinite(data3)))){
  const err8 = {instancePath:instancePath+"/weeks/" + i0,schemaPath:"#/properties/weeks/items/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema154.properties.weeks.items.type,parentSchema:schema154.properties.weeks.items,data:data3};
  if(vErrors === null){
  vErrors = [err8];
  }
  else {
  vErrors.push(err8);
  }
  errors++;
  }
  if((typeof data3 == "number") && (isFinite(data3))){
  if(data3 < 1 || isNaN(data3)){
  const err9 = {instancePath:instancePath+"/weeks/" + i0,schemaPath:"#/properties/weeks/items/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1",schema:1,parentSchema:schema154.properties.weeks.items,data:data3};
  if(vErrors === null){
  vErrors = [err9];
  }
  else {
  vErrors.push(err9);
  }
  errors++;
  }
  }
  }
  let i1 = data2.length;
  let j0;
  if(i1 > 1){
  const indices0 = {};
  for(;i1--;){
  let item0 = data2[i1];
  if(!(((typeof item0 == "number") && (!(item0 % 1) && !isNaN(item0))) && (isFinite(item0)))){
  continue;
  }
  if(typeof indices0[item0] == "number"){
  j0 = indices0[item0];
  const err10 = {instancePath:instancePath+"/weeks",schemaPath:"#/properties/weeks/uniqueItems",keyword:"uniqueItems",params:{i: i1, j: j0},message:"must NOT have duplicate items (items ## "+j0+" and "+i1+" are identical)",schema:true,parentSchema:schema154.properties.weeks,data:data2};
  if(vErrors === null){
  vErrors = [err10];
  }
  else {
  vErrors.push(err10);
  }
  errors++;
  break;
  }
  indices0[item0] = i1;
  }
  }
  }
  else {
  const err11 = {instancePath:instancePath+"/weeks",schemaPath:"#/properties/weeks/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema154.properties.weeks.type,parentSchema:schema154.properties.weeks,data:data2};
  if(vErrors === null){
  vErrors = [err11];
  }
  else {
  vErrors.push(err11);
  }
  errors++;
  }
  }
  if(data.dueWithinDays !== undefined){
  let data4 = data.dueWithinDays;
  if(!(((typeof data4 == "number") && (!(data4 % 1) && !isNaN(data4))) && (isFinite(data4)))){
  const err12 = {instancePath:instancePath+"/dueWithinDays",schemaPath:"#/properties/dueWithinDays/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema154.properties.dueWithinDays.type,parentSchema:schema154.properties.dueWithinDays,data:data4};
  if(vErrors === null){
  vErrors = [err12];
  }
  else {
  vErrors.push(err12);
  }
  errors++;
  }
  if((typeof data4 == "number") && (isFinite(data4))){
  if(data4 > 7 || isNaN(data4)){
  const err13 = {instancePath:instancePath+"/dueWithinDays",schemaPath:"#/properties/dueWithinDays/maximum",keyword:"maximum",params:{comparison: "<=", limit: 7},message:"must be <= 7",schema:7,parentSchema:schema154.properties.dueWithinDays,data:data4};
  if(vErrors === null){
  vErrors = [err13];
  }
  else {
  vErrors.push(err13);
  }
  errors++;
  }
  if(data4 < 1 || isNaN(data4)){
  const err14 = {instancePath:instancePath+"/dueWithinDays",schemaPath:"#/properties/dueWithinDays/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1",schema:1,parentSchema:schema154.properties.dueWithinDays,data:data4};
  if(vErrors === null){
  vErrors = [err14];
  }
  else {
  vErrors.push(err14);
  }
  errors++;
  }
  }
  }
  if(data.reminders !== undefined){
  let data5 = data.reminders;
  if(Array.isArray(data5)){
  const len1 = data5.length;
  for(let i2=0; i2<len1; i2++){
  let data6 = data5[i2];
  if(data6 && typeof data6 == "object" && !Array.isArray(data6)){
  if(data6.minutesBefore === undefined){
  const err15 = {instancePath:instancePath+"/reminders/" + i2,schemaPath:"#/$defs/Reminder/required",keyword:"required",params:{missingProperty: "minutesBefore"},message:"must have required property '"+"minutesBefore"+"'",schema:schema156.required,parentSchema:schema156,data:data6};
  if(vErrors === null){
  vErrors = [err15];
  }
  else {
  vErrors.push(err15);
  }
  errors++;
  }
  for(const key1 in data6){
  if(!((key1 === "minutesBefore") || (key1 === "channels"))){
  const err16 = {instancePath:instancePath+"/reminders/" + i2,schemaPath:"#/$defs/Reminder/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key1},message:"must NOT have additional properties",schema:false,parentSchema:schema156,data:data6};
  if(vErrors === null){
  vErrors = [err16];
  }
  else {
  vErrors.push(err16);
  }
  errors++;
  }
  }
  if(data6.minutesBefore !== undefined){
  let data7 = data6.minutesBefore;
  if(!(((typeof data7 == "number") && (!(data7 % 1) && !isNaN(data7))) && (isFinite(data7)))){
  const err17 = {instancePath:instancePath+"/reminders/" + i2+"/minutesBefore",schemaPath:"#/$defs/Reminder/properties/minutesBefore/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema156.properties.minutesBefore.type,parentSchema:schema156.properties.minutesBefore,data:data7};
  if(vErrors === null){
  vErrors = [err17];
  }
  else {
  vErrors.push(err17);
  }
  errors++;
  }
  if((typeof data7 == "number") && (isFinite(data7))){
  if(data7 > 10080 || isNaN(data7)){
  const err18 = {instancePath:instancePath+"/reminders/" + i2+"/minutesBefore",schemaPath:"#/$defs/Reminder/properties/minutesBefore/maximum",keyword:"maximum",params:{comparison: "<=", limit: 10080},message:"must be <= 10080",schema:10080,parentSchema:schema156.properties.minutesBefore,data:data7};
  if(vErrors === null){
  vErrors = [err18];
  }
  else {
  vErrors.push(err18);
  }
  errors++;
  }
  if(data7 < 0 || isNaN(data7)){
  const err19 = {instancePath:instancePath+"/reminders/" + i2+"/minutesBefore",schemaPath:"#/$defs/Reminder/properties/minutesBefore/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema156.properties.minutesBefore,data:data7};
  if(vErrors === null){
  vErrors = [err19];
  }
  else {
  vErrors.push(err19);
  }
  errors++;
  }
  }
  }
  if(data6.channels !== undefined){
  let data8 = data6.channels;
  if(Array.isArray(data8)){
  const len2 = data8.length;
  for(let i3=0; i3<len2; i3++){
  let data9 = data8[i3];
  if(!((data9 === "app") || (data9 === "email"))){
  const err20 = {instancePath:instancePath+"/reminders/" + i2+"/channels/" + i3,schemaPath:"#/$defs/Reminder/properties/channels/items/enum",keyword:"enum",params:{allowedValues: schema156.properties.channels.items.enum},message:"must be equal to one of the allowed values",schema:schema156.properties.channels.items.enum,parentSchema:schema156.properties.channels.items,data:data9};
  if(vErrors === null){
  vErrors = [err20];
  }
  else {
  vErrors.push(err20);
  }
  errors++;
  }
  }
  let i4 = data8.length;
  let j1;
  if(i4 > 1){
  outer0:
  for(;i4--;){
  for(j1 = i4; j1--;){
  if(func0(data8[i4], data8[j1])){
  const err21 = {instancePath:instancePath+"/reminders/" + i2+"/channels",schemaPath:"#/$defs/Reminder/properties/channels/uniqueItems",keyword:"uniqueItems",params:{i: i4, j: j1},message:"must NOT have duplicate items (items ## "+j1+" and "+i4+" are identical)",schema:true,parentSchema:schema156.properties.channels,data:data8};
  if(vErrors === null){
  vErrors = [err21];
  }
  else {
  vErrors.push(err21);
  }
  errors++;
  break outer0;
  }
  }
  }
  }
  }
  else {
  const err22 = {instancePath:instancePath+"/reminders/" + i2+"/channels",schemaPath:"#/$defs/Reminder/properties/channels/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema156.properties.channels.type,parentSchema:schema156.properties.channels,data:data8};
  if(vErrors === null){
  vErrors = [err22];
  }
  else {
  vErrors.push(err22);
  }
  errors++;
  }
  }
  }
  else {
  const err23 = {instancePath:instancePath+"/reminders/" + i2,schemaPath:"#/$defs/Reminder/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema156.type,parentSchema:schema156,data:data6};
  if(vErrors === null){
  vErrors = [err23];
  }
  else {
  vErrors.push(err23);
  }
  errors++;
  }
  }
  }
  else {
  const err24 = {instancePath:instancePath+"/reminders",schemaPath:"#/properties/reminders/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema154.properties.reminders.type,parentSchema:schema154.properties.reminders,data:data5};
  if(vErrors === null){
  vErrors = [err24];
  }
  else {
  vErrors.push(err24);
  }
  errors++;
  }
  }
  }
  else {
  const err25 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema154.type,parentSchema:schema154,data};
  if(vErrors === null){
  vErrors = [err25];
  }
  else {
  vErrors.push(err25);
  }
  errors++;
  }
  validate201.errors = vErrors;
  return errors === 0;
  }
  validate201.evaluated = {"props":true,"dynamicProps":false,"dynamicItems":false};

  const schema157 = careloomRuntime.schemaFiles["program.schema.json"].$defs.ScheduledRegistration;
  const pattern64 = new RegExp("^([01][0-9]|2[0-3]):[0-5][0-9]$", "u");

  function validate204(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
  let vErrors = null;
  let errors = 0;
  const evaluated0 = validate204.evaluated;
  if(evaluated0.dynamicProps){
  evaluated0.props = undefined;
  }
  if(evaluated0.dynamicItems){
  evaluated0.items = undefined;
  }
  if(data && typeof data == "object" && !Array.isArray(data)){
  if(data.id === undefined){
  const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "id"},message:"must have required property '"+"id"+"'",schema:schema157.required,parentSchema:schema157,data};
  if(vErrors === null){
  vErrors = [err0];
  }
  else {
  vErrors.push(err0);
  }
  errors++;
  }
  if(data.module === undefined){
  const err1 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "module"},message:"must have required property '"+"module"+"'",schema:schema157.required,parentSchema:schema157,data};
  if(vErrors === null){
  vErrors = [err1];
  }
  else {
  vErrors.push(err1);
  }
  errors++;
  }
  if(data.registration === undefined){
  const err2 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "registration"},message:"must have required property '"+"registration"+"'",schema:schema157.required,parentSchema:schema157,data};
  if(vErrors === null){
  vErrors = [err2];
  }
  else {
  vErrors.push(err2);
  }
  errors++;
  }
  if(data.frequency === undefined){
  const err3 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "frequency"},message:"must have required property '"+"frequency"+"'",schema:schema157.required,parentSchema:schema157,data};
  if(vErrors === null){
  vErrors = [err3];
  }
  else {
  vErrors.push(err3);
  }
  errors++;
  }
  if(data.deadline === undefined){
  const err4 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "deadline"},message:"must have required property '"+"deadline"+"'",schema:schema157.required,parentSchema:schema157,data};
  if(vErrors === null){
  vErrors = [err4];
  }
  else {
  vErrors.push(err4);
  }
  errors++;
  }
  for(const key0 in data){
  if(!(func1.call(schema157.properties, key0))){
  const err5 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties",schema:false,parentSchema:schema157,data};
  if(vErrors === null){
  vErrors = [err5];
  }
  else {
  vErrors.push(err5);
  }
  errors++;
  }
  }
  if(data.id !== undefined){
  let data0 = data.id;
  if(typeof data0 === "string"){
  if(!pattern8.test(data0)){
  const err6 = {instancePath:instancePath+"/id",schemaPath:"common.schema.json#/$defs/Id/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z][A-Za-z0-9_.-]{0,63}$"},message:"must match pattern \""+"^[A-Za-z][A-Za-z0-9_.-]{0,63}$"+"\"",schema:"^[A-Za-z][A-Za-z0-9_.-]{0,63}$",parentSchema:schema39,data:data0};
  if(vErrors === null){
  vErrors = [err6];
  }
  else {
  vErrors.push(err6);
  }
  errors++;
  }
  }
  else {
  const err7 = {instancePath:instancePath+"/id",schemaPath:"common.schema.json#/$defs/Id/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema39.type,parentSchema:schema39,data:data0};
  if(vErrors === null){
  vErrors = [err7];
  }
  else {
  vErrors.push(err7);
  }
  errors++;
  }
  }
  if(data.module !== undefined){
  if(!(validate196(data.module, {instancePath:instancePath+"/module",parentData:data,parentDataProperty:"module",rootData,dynamicAnchors}))){
  vErrors = vErrors === null ? validate196.errors : vErrors.concat(validate196.errors);
  errors = vErrors.length;
  }
  }
  if(data.registration !== undefined){
  let data2 = data.registration;
  if(typeof data2 === "string"){
  if(!pattern8.test(data2)){
  const err8 = {instancePath:instancePath+"/registration",schemaPath:"common.schema.json#/$defs/Id/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z][A-Za-z0-9_.-]{0,63}$"},message:"must match pattern \""+"^[A-Za-z][A-Za-z0-9_.-]{0,63}$"+"\"",schema:"^[A-Za-z][A-Za-z0-9_.-]{0,63}$",parentSchema:schema39,data:data2};
  if(vErrors === null){
  vErrors = [err8];
  }
  else {
  vErrors.push(err8);
  }
  errors++;
  }
  }
  else {
  const err9 = {instancePath:instancePath+"/registration",schemaPath:"common.schema.json#/$defs/Id/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema39.type,parentSchema:schema39,data:data2};
  if(vErrors === null){
  vErrors = [err9];
  }
  else {
  vErrors.push(err9);
  }
  errors++;
  }
  }
  if(data.frequency !== undefined){
  let data3 = data.frequency;
  if(!((data3 === "daily") || (data3 === "weekly"))){
  const err10 = {instancePath:instancePath+"/frequency",schemaPath:"#/properties/frequency/enum",keyword:"enum",params:{allowedValues: schema157.properties.frequency.enum},message:"must be equal to one of the allowed values",schema:schema157.properties.frequency.enum,parentSchema:schema157.properties.frequency,data:data3};
  if(vErrors === null){
  vErrors = [err10];
  }
  else {
  vErrors.push(err10);
  }
  errors++;
  }
  }
  if(data.weekdays !== undefined){
  let data4 = data.weekdays;
  if(Array.isArray(data4)){
  if(data4.length < 1){
  const err11 = {instancePath:instancePath+"/weekdays",schemaPath:"#/properties/weekdays/minItems",keyword:"minItems",params:{limit: 1},message:"must NOT have fewer than 1 items",schema:1,parentSchema:schema157.properties.weekdays,data:data4};
  if(vErrors === null){
  vErrors = [err11];
  }
  else {
  vErrors.push(err11);
  }
  errors++;
  }
  const len0 = data4.length;
  for(let i0=0; i0<len0; i0++){
  let data5 = data4[i0];
  if(!(((typeof data5 == "number") && (!(data5 % 1) && !isNaN(data5))) && (isFinite(data5)))){
  const err12 = {instancePath:instancePath+"/weekdays/" + i0,schemaPath:"#/properties/weekdays/items/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema157.properties.weekdays.items.type,parentSchema:schema157.properties.weekdays.items,data:data5};
  if(vErrors === null){
  vErrors = [err12];
  }
  else {
  vErrors.push(err12);
  }
  errors++;
  }
  if((typeof data5 == "number") && (isFinite(data5))){
  if(data5 > 7 || isNaN(data5)){
  const err13 = {instancePath:instancePath+"/weekdays/" + i0,schemaPath:"#/properties/weekdays/items/maximum",keyword:"maximum",params:{comparison: "<=", limit: 7},message:"must be <= 7",schema:7,parentSchema:schema157.properties.weekdays.items,data:data5};
  if(vErrors === null){
  vErrors = [err13];
  }
  else {
  vErrors.push(err13);
  }
  errors++;
  }
  if(data5 < 1 || isNaN(data5)){
  const err14 = {instancePath:instancePath+"/weekdays/" + i0,schemaPath:"#/properties/weekdays/items/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1",schema:1,parentSchema:schema157.properties.weekdays.items,data:data5};
  if(vErrors === null){
  vErrors = [err14];
  }
  else {
  vErrors.push(err14);
  }
  errors++;
  }
  }
  }
  let i1 = data4.length;
  let j0;
  if(i1 > 1){
  const indices0 = {};
  for(;i1--;){
  let item0 = data4[i1];
  if(!(((typeof item0 == "number") && (!(item0 % 1) && !isNaN(item0))) && (isFinite(item0)))){
  continue;
  }
  if(typeof indices0[item0] == "number"){
  j0 = indices0[item0];
  const err15 = {instancePath:instancePath+"/weekdays",schemaPath:"#/properties/weekdays/uniqueItems",keyword:"uniqueItems",params:{i: i1, j: j0},message:"must NOT have duplicate items (items ## "+j0+" and "+i1+" are identical)",schema:true,parentSchema:schema157.properties.weekdays,data:data4};
  if(vErrors === null){
  vErrors = [err15];
  }
  else {
  vErrors.push(err15);
  }
  errors++;
  break;
  }
  indices0[item0] = i1;
  }
  }
  }
  else {
  const err16 = {instancePath:instancePath+"/weekdays",schemaPath:"#/properties/weekdays/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema157.properties.weekdays.type,parentSchema:schema157.properties.weekdays,data:data4};
  if(vErrors === null){
  vErrors = [err16];
  }
  else {
  vErrors.push(err16);
  }
  errors++;
  }
  }
  if(data.deadline !== undefined){
  let data6 = data.deadline;
  if(typeof data6 === "string"){
  if(!pattern64.test(data6)){
  const err17 = {instancePath:instancePath+"/deadline",schemaPath:"#/properties/deadline/pattern",keyword:"pattern",params:{pattern: "^([01][0-9]|2[0-3]):[0-5][0-9]$"},message:"must match pattern \""+"^([01][0-9]|2[0-3]):[0-5][0-9]$"+"\"",schema:"^([01][0-9]|2[0-3]):[0-5][0-9]$",parentSchema:schema157.properties.deadline,data:data6};
  if(vErrors === null){
  vErrors = [err17];
  }
  else {
  vErrors.push(err17);
  }
  errors++;
  }
  }
  else {
  const err18 = {instancePath:instancePath+"/deadline",schemaPath:"#/properties/deadline/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema157.properties.deadline.type,parentSchema:schema157.properties.deadline,data:data6};
  if(vErrors === null){
  vErrors = [err18];
  }
  else {
  vErrors.push(err18);
  }
  errors++;
  }
  }
  if(data.fromWeek !== undefined){
  let data7 = data.fromWeek;
  if(!(((typeof data7 == "number") && (!(data7 % 1) && !isNaN(data7))) && (isFinite(data7)))){
  const err19 = {instancePath:instancePath+"/fromWeek",schemaPath:"#/properties/fromWeek/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema157.properties.fromWeek.type,parentSchema:schema157.properties.fromWeek,data:data7};
  if(vErrors === null){
  vErrors = [err19];
  }
  else {
  vErrors.push(err19);
  }
  errors++;
  }
  if((typeof data7 == "number") && (isFinite(data7))){
  if(data7 < 1 || isNaN(data7)){
  const err20 = {instancePath:instancePath+"/fromWeek",schemaPath:"#/properties/fromWeek/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1",schema:1,parentSchema:schema157.properties.fromWeek,data:data7};
  if(vErrors === null){
  vErrors = [err20];
  }
  else {
  vErrors.push(err20);
  }
  errors++;
  }
  }
  }
  if(data.toWeek !== undefined){
  let data8 = data.toWeek;
  if(!(((typeof data8 == "number") && (!(data8 % 1) && !isNaN(data8))) && (isFinite(data8)))){
  const err21 = {instancePath:instancePath+"/toWeek",schemaPath:"#/properties/toWeek/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema157.properties.toWeek.type,parentSchema:schema157.properties.toWeek,data:data8};
  if(vErrors === null){
  vErrors = [err21];
  }
  else {
  vErrors.push(err21);
  }
  errors++;
  }
  if((typeof data8 == "number") && (isFinite(data8))){
  if(data8 < 1 || isNaN(data8)){
  const err22 = {instancePath:instancePath+"/toWeek",schemaPath:"#/properties/toWeek/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1",schema:1,parentSchema:schema157.properties.toWeek,data:data8};
  if(vErrors === null){
  vErrors = [err22];
  }
  else {
  vErrors.push(err22);
  }
  errors++;
  }
  }
  }
  if(data.alertWhenMissing !== undefined){
  let data9 = data.alertWhenMissing;
  if(typeof data9 !== "boolean"){
  const err23 = {instancePath:instancePath+"/alertWhenMissing",schemaPath:"#/properties/alertWhenMissing/type",keyword:"type",params:{type: "boolean"},message:"must be boolean",schema:schema157.properties.alertWhenMissing.type,parentSchema:schema157.properties.alertWhenMissing,data:data9};
  if(vErrors === null){
  vErrors = [err23];
  }
  else {
  vErrors.push(err23);
  }
  errors++;
  }
  }
  if(data.reminders !== undefined){
  let data10 = data.reminders;
  if(Array.isArray(data10)){
  const len1 = data10.length;
  for(let i2=0; i2<len1; i2++){
  let data11 = data10[i2];
  if(data11 && typeof data11 == "object" && !Array.isArray(data11)){
  if(data11.minutesBefore === undefined){
  const err24 = {instancePath:instancePath+"/reminders/" + i2,schemaPath:"#/$defs/Reminder/required",keyword:"required",params:{missingProperty: "minutesBefore"},message:"must have required property '"+"minutesBefore"+"'",schema:schema156.required,parentSchema:schema156,data:data11};
  if(vErrors === null){
  vErrors = [err24];
  }
  else {
  vErrors.push(err24);
  }
  errors++;
  }
  for(const key1 in data11){
  if(!((key1 === "minutesBefore") || (key1 === "channels"))){
  const err25 = {instancePath:instancePath+"/reminders/" + i2,schemaPath:"#/$defs/Reminder/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key1},message:"must NOT have additional properties",schema:false,parentSchema:schema156,data:data11};
  if(vErrors === null){
  vErrors = [err25];
  }
  else {
  vErrors.push(err25);
  }
  errors++;
  }
  }
  if(data11.minutesBefore !== undefined){
  let data12 = data11.minutesBefore;
  if(!(((typeof data12 == "number") && (!(data12 % 1) && !isNaN(data12))) && (isFinite(data12)))){
  const err26 = {instancePath:instancePath+"/reminders/" + i2+"/minutesBefore",schemaPath:"#/$defs/Reminder/properties/minutesBefore/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema156.properties.minutesBefore.type,parentSchema:schema156.properties.minutesBefore,data:data12};
  if(vErrors === null){
  vErrors = [err26];
  }
  else {
  vErrors.push(err26);
  }
  errors++;
  }
  if((typeof data12 == "number") && (isFinite(data12))){
  if(data12 > 10080 || isNaN(data12)){
  const err27 = {instancePath:instancePath+"/reminders/" + i2+"/minutesBefore",schemaPath:"#/$defs/Reminder/properties/minutesBefore/maximum",keyword:"maximum",params:{comparison: "<=", limit: 10080},message:"must be <= 10080",schema:10080,parentSchema:schema156.properties.minutesBefore,data:data12};
  if(vErrors === null){
  vErrors = [err27];
  }
  else {
  vErrors.push(err27);
  }
  errors++;
  }
  if(data12 < 0 || isNaN(data12)){
  const err28 = {instancePath:instancePath+"/reminders/" + i2+"/minutesBefore",schemaPath:"#/$defs/Reminder/properties/minutesBefore/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema156.properties.minutesBefore,data:data12};
  if(vErrors === null){
  vErrors = [err28];
  }
  else {
  vErrors.push(err28);
  }
  errors++;
  }
  }
  }
  if(data11.channels !== undefined){
  let data13 = data11.channels;
  if(Array.isArray(data13)){
  const len2 = data13.length;
  for(let i3=0; i3<len2; i3++){
  let data14 = data13[i3];
  if(!((data14 === "app") || (data14 === "email"))){
  const err29 = {instancePath:instancePath+"/reminders/" + i2+"/channels/" + i3,schemaPath:"#/$defs/Reminder/properties/channels/items/enum",keyword:"enum",params:{allowedValues: schema156.properties.channels.items.enum},message:"must be equal to one of the allowed values",schema:schema156.properties.channels.items.enum,parentSchema:schema156.properties.channels.items,data:data14};
  if(vErrors === null){
  vErrors = [err29];
  }
  else {
  vErrors.push(err29);
  }
  errors++;
  }
  }
  let i4 = data13.length;
  let j1;
  if(i4 > 1){
  outer0:
  for(;i4--;){
  for(j1 = i4; j1--;){
  if(func0(data13[i4], data13[j1])){
  const err30 = {instancePath:instancePath+"/reminders/" + i2+"/channels",schemaPath:"#/$defs/Reminder/properties/channels/uniqueItems",keyword:"uniqueItems",params:{i: i4, j: j1},message:"must NOT have duplicate items (items ## "+j1+" and "+i4+" are identical)",schema:true,parentSchema:schema156.properties.channels,data:data13};
  if(vErrors === null){
  vErrors = [err30];
  }
  else {
  vErrors.push(err30);
  }
  errors++;
  break outer0;
  }
  }
  }
  }
  }
  else {
  const err31 = {instancePath:instancePath+"/reminders/" + i2+"/channels",schemaPath:"#/$defs/Reminder/properties/channels/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema156.properties.channels.type,parentSchema:schema156.properties.channels,data:data13};
  if(vErrors === null){
  vErrors = [err31];
  }
  else {
  vErrors.push(err31);
  }
  errors++;
  }
  }
  }
  else {
  const err32 = {instancePath:instancePath+"/reminders/" + i2,schemaPath:"#/$defs/Reminder/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema156.type,parentSchema:schema156,data:data11};
  if(vErrors === null){
  vErrors = [err32];
  }
  else {
  vErrors.push(err32);
  }
  errors++;
  }
  }
  }
  else {
  const err33 = {instancePath:instancePath+"/reminders",schemaPath:"#/properties/reminders/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema157.properties.reminders.type,parentSchema:schema157.properties.reminders,data:data10};
  if(vErrors === null){
  vErrors = [err33];
  }
  else {
  vErrors.push(err33);
  }
  errors++;
  }
  }
  }
  else {
  const err34 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema157.type,parentSchema:schema157,data};
  if(vErrors === null){
  vErrors = [err34];
  }
  else {
  vErrors.push(err34);
  }
  errors++;
  }
  validate204.errors = vErrors;
  return errors === 0;
  }
  validate204.evaluated = {"props":true,"dynamicProps":false,"dynamicItems":false};


  function validate191(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
  /*# sourceURL="https://careloom.org/schemas/program.schema.json" */;
  let vErrors = null;
  let errors = 0;
  const evaluated0 = validate191.evaluated;
  if(evaluated0.dynamicProps){
  evaluated0.props = undefined;
  }
  if(evaluated0.dynamicItems){
  evaluated0.items = undefined;
  }
  if(data && typeof data == "object" && !Array.isArray(data)){
  if(data.formatVersion === undefined){
  const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "formatVersion"},message:"must have required property '"+"formatVersion"+"'",schema:schema142.required,parentSchema:schema142,data};
  if(vErrors === null){
  vErrors = [err0];
  }
  else {
  vErrors.push(err0);
  }
  errors++;
  }
  if(data.id === undefined){
  const err1 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "id"},message:"must have required property '"+"id"+"'",schema:schema142.required,parentSchema:schema142,data};
  if(vErrors === null){
  vErrors = [err1];
  }
  else {
  vErrors.push(err1);
  }
  errors++;
  }
  if(data.title === undefined){
  const err2 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "title"},message:"must have required property '"+"title"+"'",schema:schema142.required,parentSchema:schema142,data};
  if(vErrors === null){
  vErrors = [err2];
  }
  else {
  vErrors.push(err2);
  }
  errors++;
  }
  if(data.languages === undefined){
  const err3 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "languages"},message:"must have required property '"+"languages"+"'",schema:schema142.required,parentSchema:schema142,data};
  if(vErrors === null){
  vErrors = [err3];
  }
  else {
  vErrors.push(err3);
  }
  errors++;
  }
  if(data.defaultLanguage === undefined){
  const err4 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "defaultLanguage"},message:"must have required property '"+"defaultLanguage"+"'",schema:schema142.required,parentSchema:schema142,data};
  if(vErrors === null){
  vErrors = [err4];
  }
  else {
  vErrors.push(err4);
  }
  errors++;
  }
  if(data.durationWeeks === undefined){
  const err5 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "durationWeeks"},message:"must have required property '"+"durationWeeks"+"'",schema:schema142.required,parentSchema:schema142,data};
  if(vErrors === null){
  vErrors = [err5];
  }
  else {
  vErrors.push(err5);
  }
  errors++;
  }
  if(data.modules === undefined){
  const err6 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "modules"},message:"must have required property '"+"modules"+"'",schema:schema142.required,parentSchema:schema142,data};
  if(vErrors === null){
  vErrors = [err6];
  }
  else {
  vErrors.push(err6);
  }
  errors++;
  }
  for(const key0 in data){
  if(!(func1.call(schema142.properties, key0))){
  const err7 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties",schema:false,parentSchema:schema142,data};
  if(vErrors === null){
  vErrors = [err7];
  }
  else {
  vErrors.push(err7);
  }
  errors++;
  }
  }
  if(data.$schema !== undefined){
  let data0 = data.$schema;
  if(typeof data0 !== "string"){
  const err8 = {instancePath:instancePath+"/$schema",schemaPath:"#/properties/%24schema/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema142.properties.$schema.type,parentSchema:schema142.properties.$schema,data:data0};
  if(vErrors === null){
  vErrors = [err8];
  }
  else {
  vErrors.push(err8);
  }
  errors++;
  }
  }
  if(data.formatVersion !== undefined){
  let data1 = data.formatVersion;
  if(1 !== data1){
  const err9 = {instancePath:instancePath+"/formatVersion",schemaPath:"#/properties/formatVersion/const",keyword:"const",params:{allowedValue: 1},message:"must be equal to constant",schema:1,parentSchema:schema142.properties.formatVersion,data:data1};
  if(vErrors === null){
  vErrors = [err9];
  }
  else {
  vErrors.push(err9);
  }
  errors++;
  }
  }
  if(data.id !== undefined){
  let data2 = data.id;
  if(typeof data2 === "string"){
  if(!pattern4.test(data2)){
  const err10 = {instancePath:instancePath+"/id",schemaPath:"common.schema.json#/$defs/Slug/pattern",keyword:"pattern",params:{pattern: "^[a-z0-9][a-z0-9-]{1,63}$"},message:"must match pattern \""+"^[a-z0-9][a-z0-9-]{1,63}$"+"\"",schema:"^[a-z0-9][a-z0-9-]{1,63}$",parentSchema:schema33,data:data2};
  if(vErrors === null){
  vErrors = [err10];
  }
  else {
  vErrors.push(err10);
  }
  errors++;
  }
  }
  else {
  const err11 = {instancePath:instancePath+"/id",schemaPath:"common.schema.json#/$defs/Slug/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema33.type,parentSchema:schema33,data:data2};
  if(vErrors === null){
  vErrors = [err11];
  }
  else {
  vErrors.push(err11);
  }
  errors++;
  }
  }
  if(data.title !== undefined){
  if(!(validate192(data.title, {instancePath:instancePath+"/title",parentData:data,parentDataProperty:"title",rootData,dynamicAnchors}))){
  vErrors = vErrors === null ? validate192.errors : vErrors.concat(validate192.errors);
  errors = vErrors.length;
  }
  }
  if(data.summary !== undefined){
  if(!(validate192(data.summary, {instancePath:instancePath+"/summary",parentData:data,parentDataProperty:"summary",rootData,dynamicAnchors}))){
  vErrors = vErrors === null ? validate192.errors : vErrors.concat(validate192.errors);
  errors = vErrors.length;
  }
  }
  if(data.languages !== undefined){
  let data5 = data.languages;
  if(Array.isArray(data5)){
  if(data5.length < 1){
  const err12 = {instancePath:instancePath+"/languages",schemaPath:"#/properties/languages/minItems",keyword:"minItems",params:{limit: 1},message:"must NOT have fewer than 1 items",schema:1,parentSchema:schema142.properties.languages,data:data5};
  if(vErrors === null){
  vErrors = [err12];
  }
  else {
  vErrors.push(err12);
  }
  errors++;
  }
  const len0 = data5.length;
  for(let i0=0; i0<len0; i0++){
  let data6 = data5[i0];
  if(typeof data6 === "string"){
  if(!pattern5.test(data6)){
  const err13 = {instancePath:instancePath+"/languages/" + i0,schemaPath:"common.schema.json#/$defs/LanguageTag/pattern",keyword:"pattern",params:{pattern: "^[a-z]{2,3}(-[A-Z]{2})?$"},message:"must match pattern \""+"^[a-z]{2,3}(-[A-Z]{2})?$"+"\"",schema:"^[a-z]{2,3}(-[A-Z]{2})?$",parentSchema:schema35,data:data6};
  if(vErrors === null){
  vErrors = [err13];
  }
  else {
  vErrors.push(err13);
  }
  errors++;
  }
  }
  else {
  const err14 = {instancePath:instancePath+"/languages/" + i0,schemaPath:"common.schema.json#/$defs/LanguageTag/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema35.type,parentSchema:schema35,data:data6};
  if(vErrors === null){
  vErrors = [err14];
  }
  else {
  vErrors.push(err14);
  }
  errors++;
  }
  }
  let i1 = data5.length;
  let j0;
  if(i1 > 1){
  outer0:
  for(;i1--;){
  for(j0 = i1; j0--;){
  if(func0(data5[i1], data5[j0])){
  const err15 = {instancePath:instancePath+"/languages",schemaPath:"#/properties/languages/uniqueItems",keyword:"uniqueItems",params:{i: i1, j: j0},message:"must NOT have duplicate items (items ## "+j0+" and "+i1+" are identical)",schema:true,parentSchema:schema142.properties.languages,data:data5};
  if(vErrors === null){
  vErrors = [err15];
  }
  else {
  vErrors.push(err15);
  }
  errors++;
  break outer0;
  }
  }
  }
  }
  }
  else {
  const err16 = {instancePath:instancePath+"/languages",schemaPath:"#/properties/languages/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema142.properties.languages.type,parentSchema:schema142.properties.languages,data:data5};
  if(vErrors === null){
  vErrors = [err16];
  }
  else {
  vErrors.push(err16);
  }
  errors++;
  }
  }
  if(data.defaultLanguage !== undefined){
  let data7 = data.defaultLanguage;
  if(typeof data7 === "string"){
  if(!pattern5.test(data7)){
  const err17 = {instancePath:instancePath+"/defaultLanguage",schemaPath:"common.schema.json#/$defs/LanguageTag/pattern",keyword:"pattern",params:{pattern: "^[a-z]{2,3}(-[A-Z]{2})?$"},message:"must match pattern \""+"^[a-z]{2,3}(-[A-Z]{2})?$"+"\"",schema:"^[a-z]{2,3}(-[A-Z]{2})?$",parentSchema:schema35,data:data7};
  if(vErrors === null){
  vErrors = [err17];
  }
  else {
  vErrors.push(err17);
  }
  errors++;
  }
  }
  else {
  const err18 = {instancePath:instancePath+"/defaultLanguage",schemaPath:"common.schema.json#/$defs/LanguageTag/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema35.type,parentSchema:schema35,data:data7};
  if(vErrors === null){
  vErrors = [err18];
  }
  else {
  vErrors.push(err18);
  }
  errors++;
  }
  }
  if(data.tags !== undefined){
  let data8 = data.tags;
  if(Array.isArray(data8)){
  const len1 = data8.length;
  for(let i2=0; i2<len1; i2++){
  let data9 = data8[i2];
  if(typeof data9 === "string"){
  if(func2(data9) > 40){
  const err19 = {instancePath:instancePath+"/tags/" + i2,schemaPath:"#/properties/tags/items/maxLength",keyword:"maxLength",params:{limit: 40},message:"must NOT have more than 40 characters",schema:40,parentSchema:schema142.properties.tags.items,data:data9};
  if(vErrors === null){
  vErrors = [err19];
  }
  else {
  vErrors.push(err19);
  }
  errors++;
  }
  if(func2(data9) < 1){
  const err20 = {instancePath:instancePath+"/tags/" + i2,schemaPath:"#/properties/tags/items/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema142.properties.tags.items,data:data9};
  if(vErrors === null){
  vErrors = [err20];
  }
  else {
  vErrors.push(err20);
  }
  errors++;
  }
  }
  else {
  const err21 = {instancePath:instancePath+"/tags/" + i2,schemaPath:"#/properties/tags/items/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema142.properties.tags.items.type,parentSchema:schema142.properties.tags.items,data:data9};
  if(vErrors === null){
  vErrors = [err21];
  }
  else {
  vErrors.push(err21);
  }
  errors++;
  }
  }
  let i3 = data8.length;
  let j1;
  if(i3 > 1){
  const indices0 = {};
  for(;i3--;){
  let item0 = data8[i3];
  if(typeof item0 !== "string"){
  continue;
  }
  if(typeof indices0[item0] == "number"){
  j1 = indices0[item0];
  const err22 = {instancePath:instancePath+"/tags",schemaPath:"#/properties/tags/uniqueItems",keyword:"uniqueItems",params:{i: i3, j: j1},message:"must NOT have duplicate items (items ## "+j1+" and "+i3+" are identical)",schema:true,parentSchema:schema142.properties.tags,data:data8};
  if(vErrors === null){
  vErrors = [err22];
  }
  else {
  vErrors.push(err22);
  }
  errors++;
  break;
  }
  indices0[item0] = i3;
  }
  }
  }
  else {
  const err23 = {instancePath:instancePath+"/tags",schemaPath:"#/properties/tags/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema142.properties.tags.type,parentSchema:schema142.properties.tags,data:data8};
  if(vErrors === null){
  vErrors = [err23];
  }
  else {
  vErrors.push(err23);
  }
  errors++;
  }
  }
  if(data.durationWeeks !== undefined){
  let data10 = data.durationWeeks;
  if(!(((typeof data10 == "number") && (!(data10 % 1) && !isNaN(data10))) && (isFinite(data10)))){
  const err24 = {instancePath:instancePath+"/durationWeeks",schemaPath:"#/properties/durationWeeks/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema142.properties.durationWeeks.type,parentSchema:schema142.properties.durationWeeks,data:data10};
  if(vErrors === null){
  vErrors = [err24];
  }
  else {
  vErrors.push(err24);
  }
  errors++;
  }
  if((typeof data10 == "number") && (isFinite(data10))){
  if(data10 > 104 || isNaN(data10)){
  const err25 = {instancePath:instancePath+"/durationWeeks",schemaPath:"#/properties/durationWeeks/maximum",keyword:"maximum",params:{comparison: "<=", limit: 104},message:"must be <= 104",schema:104,parentSchema:schema142.properties.durationWeeks,data:data10};
  if(vErrors === null){
  vErrors = [err25];
  }
  else {
  vErrors.push(err25);
  }
  errors++;
  }
  if(data10 < 1 || isNaN(data10)){
  const err26 = {instancePath:instancePath+"/durationWeeks",schemaPath:"#/properties/durationWeeks/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1",schema:1,parentSchema:schema142.properties.durationWeeks,data:data10};
  if(vErrors === null){
  vErrors = [err26];
  }
  else {
  vErrors.push(err26);
  }
  errors++;
  }
  }
  }
  if(data.modules !== undefined){
  let data11 = data.modules;
  if(Array.isArray(data11)){
  if(data11.length < 1){
  const err27 = {instancePath:instancePath+"/modules",schemaPath:"#/properties/modules/minItems",keyword:"minItems",params:{limit: 1},message:"must NOT have fewer than 1 items",schema:1,parentSchema:schema142.properties.modules,data:data11};
  if(vErrors === null){
  vErrors = [err27];
  }
  else {
  vErrors.push(err27);
  }
  errors++;
  }
  const len2 = data11.length;
  for(let i4=0; i4<len2; i4++){
  if(!(validate195(data11[i4], {instancePath:instancePath+"/modules/" + i4,parentData:data11,parentDataProperty:i4,rootData,dynamicAnchors}))){
  vErrors = vErrors === null ? validate195.errors : vErrors.concat(validate195.errors);
  errors = vErrors.length;
  }
  }
  }
  else {
  const err28 = {instancePath:instancePath+"/modules",schemaPath:"#/properties/modules/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema142.properties.modules.type,parentSchema:schema142.properties.modules,data:data11};
  if(vErrors === null){
  vErrors = [err28];
  }
  else {
  vErrors.push(err28);
  }
  errors++;
  }
  }
  if(data.measurements !== undefined){
  let data13 = data.measurements;
  if(Array.isArray(data13)){
  const len3 = data13.length;
  for(let i5=0; i5<len3; i5++){
  if(!(validate201(data13[i5], {instancePath:instancePath+"/measurements/" + i5,parentData:data13,parentDataProperty:i5,rootData,dynamicAnchors}))){
  vErrors = vErrors === null ? validate201.errors : vErrors.concat(validate201.errors);
  errors = vErrors.length;
  }
  }
  }
  else {
  const err29 = {instancePath:instancePath+"/measurements",schemaPath:"#/properties/measurements/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema142.properties.measurements.type,parentSchema:schema142.properties.measurements,data:data13};
  if(vErrors === null){
  vErrors = [err29];
  }
  else {
  vErrors.push(err29);
  }
  errors++;
  }
  }
  if(data.registrations !== undefined){
  let data15 = data.registrations;
  if(Array.isArray(data15)){
  const len4 = data15.length;
  for(let i6=0; i6<len4; i6++){
  if(!(validate204(data15[i6], {instancePath:instancePath+"/registrations/" + i6,parentData:data15,parentDataProperty:i6,rootData,dynamicAnchors}))){
  vErrors = vErrors === null ? validate204.errors : vErrors.concat(validate204.errors);
  errors = vErrors.length;
  }
  }
  }
  else {
  const err30 = {instancePath:instancePath+"/registrations",schemaPath:"#/properties/registrations/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema142.properties.registrations.type,parentSchema:schema142.properties.registrations,data:data15};
  if(vErrors === null){
  vErrors = [err30];
  }
  else {
  vErrors.push(err30);
  }
  errors++;
  }
  }
  }
  else {
  const err31 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema142.type,parentSchema:schema142,data};
  if(vErrors === null){
  vErrors = [err31];
  }
  else {
  vErrors.push(err31);
  }
  errors++;
  }
  validate191.errors = vErrors;
  return errors === 0;
  }
  validate191.evaluated = {"props":true,"dynamicProps":false,"dynamicItems":false};

  const schema161 = careloomRuntime.schemaFiles["response.schema.json"];
  const schema163 = careloomRuntime.schemaFiles["common.schema.json"].$defs.Sha256;
  const pattern65 = new RegExp("^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$", "u");
  const pattern67 = new RegExp("^[0-9a-f]{64}$", "u");
  const formats4 = careloomRuntime.formats["date-time"];

  function validate207(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
  /*# sourceURL="https://careloom.org/schemas/response.schema.json" */;
  let vErrors = null;
  let errors = 0;
  const evaluated0 = validate207.evaluated;
  if(evaluated0.dynamicProps){
  evaluated0.props = undefined;
  }
  if(evaluated0.dynamicItems){
  evaluated0.items = undefined;
  }
  if(data && typeof data == "object" && !Array.isArray(data)){
  if(data.formatVersion === undefined){
  const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "formatVersion"},message:"must have required property '"+"formatVersion"+"'",schema:schema161.required,parentSchema:schema161,data};
  if(vErrors === null){
  vErrors = [err0];
  }
  else {
  vErrors.push(err0);
  }
  errors++;
  }
  if(data.clientId === undefined){
  const err1 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "clientId"},message:"must have required property '"+"clientId"+"'",schema:schema161.required,parentSchema:schema161,data};
  if(vErrors === null){
  vErrors = [err1];
  }
  else {
  vErrors.push(err1);
  }
  errors++;
  }
  if(data.moduleId === undefined){
  const err2 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "moduleId"},message:"must have required property '"+"moduleId"+"'",schema:schema161.required,parentSchema:schema161,data};
  if(vErrors === null){
  vErrors = [err2];
  }
  else {
  vErrors.push(err2);
  }
  errors++;
  }
  if(data.moduleVersion === undefined){
  const err3 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "moduleVersion"},message:"must have required property '"+"moduleVersion"+"'",schema:schema161.required,parentSchema:schema161,data};
  if(vErrors === null){
  vErrors = [err3];
  }
  else {
  vErrors.push(err3);
  }
  errors++;
  }
  if(data.answers === undefined){
  const err4 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "answers"},message:"must have required property '"+"answers"+"'",schema:schema161.required,parentSchema:schema161,data};
  if(vErrors === null){
  vErrors = [err4];
  }
  else {
  vErrors.push(err4);
  }
  errors++;
  }
  if(data.answeredAt === undefined){
  const err5 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "answeredAt"},message:"must have required property '"+"answeredAt"+"'",schema:schema161.required,parentSchema:schema161,data};
  if(vErrors === null){
  vErrors = [err5];
  }
  else {
  vErrors.push(err5);
  }
  errors++;
  }
  for(const key0 in data){
  if(!(func1.call(schema161.properties, key0))){
  const err6 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties",schema:false,parentSchema:schema161,data};
  if(vErrors === null){
  vErrors = [err6];
  }
  else {
  vErrors.push(err6);
  }
  errors++;
  }
  }
  if(data.formatVersion !== undefined){
  let data0 = data.formatVersion;
  if(1 !== data0){
  const err7 = {instancePath:instancePath+"/formatVersion",schemaPath:"#/properties/formatVersion/const",keyword:"const",params:{allowedValue: 1},message:"must be equal to constant",schema:1,parentSchema:schema161.properties.formatVersion,data:data0};
  if(vErrors === null){
  vErrors = [err7];
  }
  else {
  vErrors.push(err7);
  }
  errors++;
  }
  }
  if(data.clientId !== undefined){
  let data1 = data.clientId;
  if(typeof data1 === "string"){
  if(!pattern65.test(data1)){
  const err8 = {instancePath:instancePath+"/clientId",schemaPath:"#/properties/clientId/pattern",keyword:"pattern",params:{pattern: "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$"},message:"must match pattern \""+"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$"+"\"",schema:"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$",parentSchema:schema161.properties.clientId,data:data1};
  if(vErrors === null){
  vErrors = [err8];
  }
  else {
  vErrors.push(err8);
  }
  errors++;
  }
  }
  else {
  const err9 = {instancePath:instancePath+"/clientId",schemaPath:"#/properties/clientId/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema161.properties.clientId.type,parentSchema:schema161.properties.clientId,data:data1};
  if(vErrors === null){
  vErrors = [err9];
  }
  else {
  vErrors.push(err9);
  }
  errors++;
  }
  }
  if(data.moduleId !== undefined){
  let data2 = data.moduleId;
  if(typeof data2 === "string"){
  if(!pattern4.test(data2)){
  const err10 = {instancePath:instancePath+"/moduleId",schemaPath:"common.schema.json#/$defs/Slug/pattern",keyword:"pattern",params:{pattern: "^[a-z0-9][a-z0-9-]{1,63}$"},message:"must match pattern \""+"^[a-z0-9][a-z0-9-]{1,63}$"+"\"",schema:"^[a-z0-9][a-z0-9-]{1,63}$",parentSchema:schema33,data:data2};
  if(vErrors === null){
  vErrors = [err10];
  }
  else {
  vErrors.push(err10);
  }
  errors++;
  }
  }
  else {
  const err11 = {instancePath:instancePath+"/moduleId",schemaPath:"common.schema.json#/$defs/Slug/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema33.type,parentSchema:schema33,data:data2};
  if(vErrors === null){
  vErrors = [err11];
  }
  else {
  vErrors.push(err11);
  }
  errors++;
  }
  }
  if(data.moduleVersion !== undefined){
  let data3 = data.moduleVersion;
  if(!(((typeof data3 == "number") && (!(data3 % 1) && !isNaN(data3))) && (isFinite(data3)))){
  const err12 = {instancePath:instancePath+"/moduleVersion",schemaPath:"#/properties/moduleVersion/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema161.properties.moduleVersion.type,parentSchema:schema161.properties.moduleVersion,data:data3};
  if(vErrors === null){
  vErrors = [err12];
  }
  else {
  vErrors.push(err12);
  }
  errors++;
  }
  if((typeof data3 == "number") && (isFinite(data3))){
  if(data3 < 1 || isNaN(data3)){
  const err13 = {instancePath:instancePath+"/moduleVersion",schemaPath:"#/properties/moduleVersion/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1",schema:1,parentSchema:schema161.properties.moduleVersion,data:data3};
  if(vErrors === null){
  vErrors = [err13];
  }
  else {
  vErrors.push(err13);
  }
  errors++;
  }
  }
  }
  if(data.contentHash !== undefined){
  let data4 = data.contentHash;
  if(typeof data4 === "string"){
  if(!pattern67.test(data4)){
  const err14 = {instancePath:instancePath+"/contentHash",schemaPath:"common.schema.json#/$defs/Sha256/pattern",keyword:"pattern",params:{pattern: "^[0-9a-f]{64}$"},message:"must match pattern \""+"^[0-9a-f]{64}$"+"\"",schema:"^[0-9a-f]{64}$",parentSchema:schema163,data:data4};
  if(vErrors === null){
  vErrors = [err14];
  }
  else {
  vErrors.push(err14);
  }
  errors++;
  }
  }
  else {
  const err15 = {instancePath:instancePath+"/contentHash",schemaPath:"common.schema.json#/$defs/Sha256/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema163.type,parentSchema:schema163,data:data4};
  if(vErrors === null){
  vErrors = [err15];
  }
  else {
  vErrors.push(err15);
  }
  errors++;
  }
  }
  if(data.pageId !== undefined){
  let data5 = data.pageId;
  if(typeof data5 === "string"){
  if(!pattern8.test(data5)){
  const err16 = {instancePath:instancePath+"/pageId",schemaPath:"common.schema.json#/$defs/Id/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z][A-Za-z0-9_.-]{0,63}$"},message:"must match pattern \""+"^[A-Za-z][A-Za-z0-9_.-]{0,63}$"+"\"",schema:"^[A-Za-z][A-Za-z0-9_.-]{0,63}$",parentSchema:schema39,data:data5};
  if(vErrors === null){
  vErrors = [err16];
  }
  else {
  vErrors.push(err16);
  }
  errors++;
  }
  }
  else {
  const err17 = {instancePath:instancePath+"/pageId",schemaPath:"common.schema.json#/$defs/Id/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema39.type,parentSchema:schema39,data:data5};
  if(vErrors === null){
  vErrors = [err17];
  }
  else {
  vErrors.push(err17);
  }
  errors++;
  }
  }
  if(data.registrationId !== undefined){
  let data6 = data.registrationId;
  if(typeof data6 === "string"){
  if(!pattern8.test(data6)){
  const err18 = {instancePath:instancePath+"/registrationId",schemaPath:"common.schema.json#/$defs/Id/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z][A-Za-z0-9_.-]{0,63}$"},message:"must match pattern \""+"^[A-Za-z][A-Za-z0-9_.-]{0,63}$"+"\"",schema:"^[A-Za-z][A-Za-z0-9_.-]{0,63}$",parentSchema:schema39,data:data6};
  if(vErrors === null){
  vErrors = [err18];
  }
  else {
  vErrors.push(err18);
  }
  errors++;
  }
  }
  else {
  const err19 = {instancePath:instancePath+"/registrationId",schemaPath:"common.schema.json#/$defs/Id/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema39.type,parentSchema:schema39,data:data6};
  if(vErrors === null){
  vErrors = [err19];
  }
  else {
  vErrors.push(err19);
  }
  errors++;
  }
  }
  if(data.answers !== undefined){
  let data7 = data.answers;
  if(data7 && typeof data7 == "object" && !Array.isArray(data7)){
  if(Object.keys(data7).length > 500){
  const err20 = {instancePath:instancePath+"/answers",schemaPath:"#/properties/answers/maxProperties",keyword:"maxProperties",params:{limit: 500},message:"must NOT have more than 500 properties",schema:500,parentSchema:schema161.properties.answers,data:data7};
  if(vErrors === null){
  vErrors = [err20];
  }
  else {
  vErrors.push(err20);
  }
  errors++;
  }
  for(const key1 in data7){
  const _errs21 = errors;
  if(typeof key1 === "string"){
  if(!pattern8.test(key1)){
  const err21 = {instancePath:instancePath+"/answers",schemaPath:"common.schema.json#/$defs/Id/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z][A-Za-z0-9_.-]{0,63}$"},message:"must match pattern \""+"^[A-Za-z][A-Za-z0-9_.-]{0,63}$"+"\"",schema:"^[A-Za-z][A-Za-z0-9_.-]{0,63}$",parentSchema:schema39,data:key1,propertyName:key1};
  if(vErrors === null){
  vErrors = [err21];
  }
  else {
  vErrors.push(err21);
  }
  errors++;
  }
  }
  else {
  const err22 = {instancePath:instancePath+"/answers",schemaPath:"common.schema.json#/$defs/Id/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema39.type,parentSchema:schema39,data:key1,propertyName:key1};
  if(vErrors === null){
  vErrors = [err22];
  }
  else {
  vErrors.push(err22);
  }
  errors++;
  }
  var valid5 = _errs21 === errors;
  if(!valid5){
  const err23 = {instancePath:instancePath+"/answers",schemaPath:"#/properties/answers/propertyNames",keyword:"propertyNames",params:{propertyName: key1},message:"property name must be valid",schema:schema161.properties.answers.propertyNames,parentSchema:schema161.properties.answers,data:data7};
  if(vErrors === null){
  vErrors = [err23];
  }
  else {
  vErrors.push(err23);
  }
  errors++;
  }
  }
  for(const key2 in data7){
  let data8 = data7[key2];
  const _errs26 = errors;
  let valid8 = false;
  const _errs27 = errors;
  if(typeof data8 === "string"){
  if(func2(data8) > 20000){
  const err24 = {instancePath:instancePath+"/answers/" + key2.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/properties/answers/additionalProperties/anyOf/0/maxLength",keyword:"maxLength",params:{limit: 20000},message:"must NOT have more than 20000 characters",schema:20000,parentSchema:schema161.properties.answers.additionalProperties.anyOf[0],data:data8};
  if(vErrors === null){
  vErrors = [err24];
  }
  else {
  vErrors.push(err24);
  }
  errors++;
  }
  }
  else {
  const err25 = {instancePath:instancePath+"/answers/" + key2.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/properties/answers/additionalProperties/anyOf/0/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema161.properties.answers.additionalProperties.anyOf[0].type,parentSchema:schema161.properties.answers.additionalProperties.anyOf[0],data:data8};
  if(vErrors === null){
  vErrors = [err25];
  }
  else {
  vErrors.push(err25);
  }
  errors++;
  }
  var _valid0 = _errs27 === errors;
  valid8 = valid8 || _valid0;
  const _errs29 = errors;
  if(!((typeof data8 == "number") && (isFinite(data8)))){
  const err26 = {instancePath:instancePath+"/answers/" + key2.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/properties/answers/additionalProperties/anyOf/1/type",keyword:"type",params:{type: "number"},message:"must be number",schema:schema161.properties.answers.additionalProperties.anyOf[1].type,parentSchema:schema161.properties.answers.additionalProperties.anyOf[1],data:data8};
  if(vErrors === null){
  vErrors = [err26];
  }
  else {
  vErrors.push(err26);
  }
  errors++;
  }
  var _valid0 = _errs29 === errors;
  valid8 = valid8 || _valid0;
  const _errs31 = errors;
  if(typeof data8 !== "boolean"){
  const err27 = {instancePath:instancePath+"/answers/" + key2.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/properties/answers/additionalProperties/anyOf/2/type",keyword:"type",params:{type: "boolean"},message:"must be boolean",schema:schema161.properties.answers.additionalProperties.anyOf[2].type,parentSchema:schema161.properties.answers.additionalProperties.anyOf[2],data:data8};
  if(vErrors === null){
  vErrors = [err27];
  }
  else {
  vErrors.push(err27);
  }
  errors++;
  }
  var _valid0 = _errs31 === errors;
  valid8 = valid8 || _valid0;
  const _errs33 = errors;
  if(Array.isArray(data8)){
  if(data8.length > 100){
  const err28 = {instancePath:instancePath+"/answers/" + key2.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/properties/answers/additionalProperties/anyOf/3/maxItems",keyword:"maxItems",params:{limit: 100},message:"must NOT have more than 100 items",schema:100,parentSchema:schema161.properties.answers.additionalProperties.anyOf[3],data:data8};
  if(vErrors === null){
  vErrors = [err28];
  }
  else {
  vErrors.push(err28);
  }
  errors++;
  }
  const len0 = data8.length;
  for(let i0=0; i0<len0; i0++){
  let data9 = data8[i0];
  if(typeof data9 === "string"){
  if(!pattern8.test(data9)){
  const err29 = {instancePath:instancePath+"/answers/" + key2.replace(/~/g, "~0").replace(/\//g, "~1")+"/" + i0,schemaPath:"common.schema.json#/$defs/Id/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z][A-Za-z0-9_.-]{0,63}$"},message:"must match pattern \""+"^[A-Za-z][A-Za-z0-9_.-]{0,63}$"+"\"",schema:"^[A-Za-z][A-Za-z0-9_.-]{0,63}$",parentSchema:schema39,data:data9};
  if(vErrors === null){
  vErrors = [err29];
  }
  else {
  vErrors.push(err29);
  }
  errors++;
  }
  }
  else {
  const err30 = {instancePath:instancePath+"/answers/" + key2.replace(/~/g, "~0").replace(/\//g, "~1")+"/" + i0,schemaPath:"common.schema.json#/$defs/Id/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema39.type,parentSchema:schema39,data:data9};
  if(vErrors === null){
  vErrors = [err30];
  }
  else {
  vErrors.push(err30);
  }
  errors++;
  }
  }
  let i1 = data8.length;
  let j0;
  if(i1 > 1){
  outer0:
  for(;i1--;){
  for(j0 = i1; j0--;){
  if(func0(data8[i1], data8[j0])){
  const err31 = {instancePath:instancePath+"/answers/" + key2.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/properties/answers/additionalProperties/anyOf/3/uniqueItems",keyword:"uniqueItems",params:{i: i1, j: j0},message:"must NOT have duplicate items (items ## "+j0+" and "+i1+" are identical)",schema:true,parentSchema:schema161.properties.answers.additionalProperties.anyOf[3],data:data8};
  if(vErrors === null){
  vErrors = [err31];
  }
  else {
  vErrors.push(err31);
  }
  errors++;
  break outer0;
  }
  }
  }
  }
  }
  else {
  const err32 = {instancePath:instancePath+"/answers/" + key2.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/properties/answers/additionalProperties/anyOf/3/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema161.properties.answers.additionalProperties.anyOf[3].type,parentSchema:schema161.properties.answers.additionalProperties.anyOf[3],data:data8};
  if(vErrors === null){
  vErrors = [err32];
  }
  else {
  vErrors.push(err32);
  }
  errors++;
  }
  var _valid0 = _errs33 === errors;
  valid8 = valid8 || _valid0;
  const _errs38 = errors;
  if(data8 !== null){
  const err33 = {instancePath:instancePath+"/answers/" + key2.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/properties/answers/additionalProperties/anyOf/4/type",keyword:"type",params:{type: "null"},message:"must be null",schema:schema161.properties.answers.additionalProperties.anyOf[4].type,parentSchema:schema161.properties.answers.additionalProperties.anyOf[4],data:data8};
  if(vErrors === null){
  vErrors = [err33];
  }
  else {
  vErrors.push(err33);
  }
  errors++;
  }
  var _valid0 = _errs38 === errors;
  valid8 = valid8 || _valid0;
  if(!valid8){
  const err34 = {instancePath:instancePath+"/answers/" + key2.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/properties/answers/additionalProperties/anyOf",keyword:"anyOf",params:{},message:"must match a schema in anyOf",schema:schema161.properties.answers.additionalProperties.anyOf,parentSchema:schema161.properties.answers.additionalProperties,data:data8};
  if(vErrors === null){
  vErrors = [err34];
  }
  else {
  vErrors.push(err34);
  }
  errors++;
  }
  else {
  errors = _errs26;
  if(vErrors !== null){
  if(_errs26){
  vErrors.length = _errs26;
  }
  else {
  vErrors = null;
  }
  }
  }
  }
  }
  else {
  const err35 = {instancePath:instancePath+"/answers",schemaPath:"#/properties/answers/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema161.properties.answers.type,parentSchema:schema161.properties.answers,data:data7};
  if(vErrors === null){
  vErrors = [err35];
  }
  else {
  vErrors.push(err35);
  }
  errors++;
  }
  }
  if(data.completes !== undefined){
  let data10 = data.completes;
  if(typeof data10 !== "boolean"){
  const err36 = {instancePath:instancePath+"/completes",schemaPath:"#/properties/completes/type",keyword:"type",params:{type: "boolean"},message:"must be boolean",schema:schema161.properties.completes.type,parentSchema:schema161.properties.completes,data:data10};
  if(vErrors === null){
  vErrors = [err36];
  }
  else {
  vErrors.push(err36);
  }
  errors++;
  }
  }
  if(data.answeredAt !== undefined){
  let data11 = data.answeredAt;
  if(typeof data11 === "string"){
  if(!(formats4.validate(data11))){
  const err37 = {instancePath:instancePath+"/answeredAt",schemaPath:"#/properties/answeredAt/format",keyword:"format",params:{format: "date-time"},message:"must match format \""+"date-time"+"\"",schema:"date-time",parentSchema:schema161.properties.answeredAt,data:data11};
  if(vErrors === null){
  vErrors = [err37];
  }
  else {
  vErrors.push(err37);
  }
  errors++;
  }
  }
  else {
  const err38 = {instancePath:instancePath+"/answeredAt",schemaPath:"#/properties/answeredAt/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema161.properties.answeredAt.type,parentSchema:schema161.properties.answeredAt,data:data11};
  if(vErrors === null){
  vErrors = [err38];
  }
  else {
  vErrors.push(err38);
  }
  errors++;
  }
  }
  }
  else {
  const err39 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema161.type,parentSchema:schema161,data};
  if(vErrors === null){
  vErrors = [err39];
  }
  else {
  vErrors.push(err39);
  }
  errors++;
  }
  validate207.errors = vErrors;
  return errors === 0;
  }
  validate207.evaluated = {"props":true,"dynamicProps":false,"dynamicItems":false};
  return { module: validate20, program: validate191, response: validate207 };
}
