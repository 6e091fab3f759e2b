/** The `random` provider: values derived from the registration, so two runs agree. */
import { Answer, bool, Ctx, DIGITS, HEX, LOWER_ALNUM, LOWER_ALPHA, num, numberFrom, pick, secret, ServiceModule, str, uuid } from "../common";

const PET_ADVERBS = ["quickly", "gently", "boldly", "calmly", "eagerly", "kindly", "neatly", "wisely"];
const PET_ADJECTIVES = ["brave", "clever", "daring", "gentle", "happy", "lucky", "proud", "quiet", "steady", "witty"];
const PET_NAMES = ["badger", "beaver", "falcon", "gecko", "heron", "koala", "lemur", "otter", "puffin", "walrus"];

export const service: ServiceModule = {
    resources: {
        "random:index/randomString:RandomString": (c) => randomString(c, false),
        "random:index/randomPassword:RandomPassword": (c) => randomString(c, true),
        "random:index/randomId:RandomId": (c) => randomId(c),
        "random:index/randomPet:RandomPet": (c) => randomPet(c),
        "random:index/randomUuid:RandomUuid": (c) => {
            const result = uuid(c.seed);
            return { id: result, state: { result } };
        },
        "random:index/randomInteger:RandomInteger": (c) => {
            const min = num(c.inputs["min"]) ?? 0;
            const max = num(c.inputs["max"]) ?? min;
            const result = min + numberFrom(Math.max(1, max - min + 1), c.seed);
            return { id: String(result), state: { result } };
        },
    },
};

function randomString(c: Ctx, password: boolean): Answer {
    const flag = (key: string) => bool(c.inputs[key]) ?? true;
    const special = str(c.inputs["overrideSpecial"]) ?? "!@#$%&*()-_=+[]{}<>:?";
    const alphabet =
        (flag("lower") ? LOWER_ALPHA : "") +
        (flag("upper") ? LOWER_ALPHA.toUpperCase() : "") +
        (flag("numeric") && (bool(c.inputs["number"]) ?? true) ? DIGITS : "") +
        (flag("special") ? special : "");
    const result = pick(alphabet || LOWER_ALPHA, num(c.inputs["length"]) ?? 16, c.seed);
    if (!password) return { id: result, state: { result } };
    return { id: "none", state: { result: secret(result), bcryptHash: secret(`$2a$10$${pick(LOWER_ALNUM, 53, c.seed, "bcrypt")}`) } };
}

function randomId(c: Ctx): Answer {
    const bytes = Buffer.from(pick(HEX, 2 * (num(c.inputs["byteLength"]) ?? 8), c.seed), "hex");
    const prefix = str(c.inputs["prefix"]) ?? "";
    const b64Url = bytes.toString("base64url");
    return {
        id: b64Url,
        state: {
            hex: prefix + bytes.toString("hex"),
            b64Url: prefix + b64Url,
            b64Std: prefix + bytes.toString("base64"),
            dec: prefix + BigInt(`0x${bytes.toString("hex") || "0"}`).toString(),
        },
    };
}

function randomPet(c: Ctx): Answer {
    const length = num(c.inputs["length"]) ?? 2;
    const separator = str(c.inputs["separator"]) ?? "-";
    const words = Array.from({ length }, (_, i) => {
        const list = i === length - 1 ? PET_NAMES : i === length - 2 ? PET_ADJECTIVES : PET_ADVERBS;
        return list[numberFrom(list.length, c.seed, String(i))];
    });
    const prefix = str(c.inputs["prefix"]);
    const result = [...(prefix ? [prefix] : []), ...words].join(separator);
    return { id: result, state: {} };
}
