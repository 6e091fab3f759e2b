// A WebSocket API on its own regional domain: WebSocket domains are regional, TLS 1.2, and
// serve no REST or HTTP API. Connect with: wscat -c wss://ws.<zone>/chat
import { RegionalDomain } from "../../index";
import { domainConfig, mockWebSocketApi } from "../lib/apis";

const { domain, zone } = domainConfig("ws");

const chat = mockWebSocketApi("chat", { message: "hello over WebSocket" });

const ws = new RegionalDomain("ws", {
    domainName: domain,
    zoneName: zone,
    apiType: "websocket",
    mappings: [{ apiId: chat.id, stage: chat.stageName, basePath: "chat" }],
});

export const url = ws.urls.apply((u) => u["chat"].replace(/^https:/, "wss:"));
