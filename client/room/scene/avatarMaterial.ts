import { InstancedBufferAttribute, ShaderMaterial, type InstancedMesh } from "three";

/**
 * One material for every avatar part, drawn instanced: a calm matte look with a soft rim, each
 * instance coloured by its look (`instanceColor`) and faded by its own `aOpacity` (away,
 * reconnecting, hidden, or inside the personal-space bubble). Unlit maths of our own rather than
 * a lit standard material: the places have no lights to speak of, and this costs one draw call
 * per part type whatever the number of people.
 */
export function createAvatarMaterial(): ShaderMaterial {
  return new ShaderMaterial({
    transparent: true,
    vertexShader: /* glsl */ `
      attribute float aOpacity;
      attribute float aGlow;
      varying float vGlow;
      varying vec3 vColor;
      varying vec3 vNormal;
      varying vec3 vView;
      varying float vOpacity;
      void main() {
        vColor = instanceColor;
        vOpacity = aOpacity;
        vGlow = aGlow;
        mat4 model = modelMatrix * instanceMatrix;
        vec4 world = model * vec4(position, 1.0);
        vNormal = normalize(mat3(model) * normal);
        vView = normalize(cameraPosition - world.xyz);
        gl_Position = projectionMatrix * viewMatrix * world;
      }
    `,
    fragmentShader: /* glsl */ `
      varying vec3 vColor;
      varying vec3 vNormal;
      varying vec3 vView;
      varying float vOpacity;
      varying float vGlow;
      void main() {
        vec3 n = normalize(vNormal);
        // Light from above and a little behind the viewer; a sky-coloured fill from below.
        float key = 0.55 + 0.45 * max(dot(n, normalize(vec3(0.3, 1.0, 0.5))), 0.0);
        float rim = pow(1.0 - max(dot(n, normalize(vView)), 0.0), 2.5);
        vec3 colour = vColor * key + rim * 0.25 * vec3(1.0, 0.97, 0.9);
        // Speaking: a soft warm glow, strongest at the rim.
        colour += vGlow * (0.12 + 0.6 * rim) * vec3(1.0, 0.88, 0.68);
        if (vOpacity < 0.01) discard;
        gl_FragColor = vec4(colour, vOpacity);
        #include <colorspace_fragment>
      }
    `,
  });
}

/** Give an instanced mesh its per-instance opacity attribute (all visible). */
export function addOpacity(mesh: InstancedMesh, count: number): InstancedBufferAttribute {
  const attribute = new InstancedBufferAttribute(new Float32Array(count).fill(1), 1);
  mesh.geometry.setAttribute("aOpacity", attribute);
  return attribute;
}

/** Give an instanced mesh its per-instance glow attribute (0 = none, 1 = speaking). */
export function addGlow(mesh: InstancedMesh, count: number): InstancedBufferAttribute {
  const attribute = new InstancedBufferAttribute(new Float32Array(count), 1);
  mesh.geometry.setAttribute("aGlow", attribute);
  return attribute;
}
